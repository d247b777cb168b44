// Finds user-visible English written straight into JSX: text children, and the attributes a
// person reads (placeholder, title, aria-label, alt, label). Parsed with the TypeScript compiler,
// so it sees JSX as JSX, not as text matched by a regular expression.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const READ_ATTRIBUTES = new Set(['placeholder', 'title', 'aria-label', 'alt', 'label']);

export interface Literal {
  file: string;
  line: number;
  text: string;
}

// Names that read the same in every language: digests, products, protocols.
const UNTRANSLATED = new Set(['SHA-256', 'SHA-1', 'MD5', 'Tracelight', 'UTC', 'OK', 'IOC', 'URL', 'IP', 'C2', 'EN']);

/** A literal that a person would read as a word (not "×", "·", "…", "—", "SHA-256"). */
function isWordy(text: string): boolean {
  const words = text.split(/[\s,;:()[\]/·—–]+/).filter((w) => /[A-Za-z]{2,}/.test(w));
  return words.some((w) => !UNTRANSLATED.has(w) && !UNTRANSLATED.has(w.replace(/[.…]+$/, '')));
}

function visit(file: string, source: ts.SourceFile, node: ts.Node, out: Literal[]): void {
  const report = (at: ts.Node, text: string) => {
    const { line } = source.getLineAndCharacterOfPosition(at.getStart(source));
    out.push({ file, line: line + 1, text: text.trim() });
  };
  if (ts.isJsxText(node) && isWordy(node.text)) report(node, node.text);
  if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(source))) {
    const init = node.initializer;
    if (init && ts.isStringLiteral(init) && isWordy(init.text)) report(node, init.text);
    if (init && ts.isJsxExpression(init) && init.expression) {
      const e = init.expression;
      if ((ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) && isWordy(e.text)) report(node, e.text);
      if (ts.isTemplateExpression(e) && isWordy(e.head.text + e.templateSpans.map((s) => s.literal.text).join(''))) {
        report(node, e.getText(source));
      }
    }
  }
  // Strings that end up as a JSX child: {'Saved'}, {busy ? 'Saving…' : 'Save'}, {`${n} files`}.
  if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
    for (const text of renderedStrings(node.expression)) if (isWordy(text.value)) report(text.node, text.value);
  }
  ts.forEachChild(node, (child) => visit(file, source, child, out));
}

/**
 * String pieces an expression can evaluate to and render: literals reached through conditionals,
 * `||`/`??`, `&&` and template text. Arguments of calls (`t('key')`, `join(', ')`) and the
 * operands of comparisons are not rendered, so they are not followed.
 */
function renderedStrings(e: ts.Expression): { node: ts.Node; value: string }[] {
  if (ts.isParenthesizedExpression(e)) return renderedStrings(e.expression);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [{ node: e, value: e.text }];
  if (ts.isTemplateExpression(e)) {
    return [{ node: e, value: e.head.text + e.templateSpans.map((s) => s.literal.text).join(' ') }];
  }
  if (ts.isConditionalExpression(e)) return [...renderedStrings(e.whenTrue), ...renderedStrings(e.whenFalse)];
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return renderedStrings(e.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.PlusToken) {
      return [...renderedStrings(e.left), ...renderedStrings(e.right)];
    }
  }
  return [];
}

function tsxFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...tsxFiles(path));
    else if (path.endsWith('.tsx')) out.push(path);
  }
  return out;
}

/** Every hard-coded readable literal in the .tsx files under `root`. */
export function hardcodedLiterals(root: string): Literal[] {
  const out: Literal[] = [];
  for (const path of tsxFiles(root)) {
    const text = readFileSync(path, 'utf8');
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    visit(relative(root, path), source, source, out);
  }
  return out;
}

/** Literals in one snippet of TSX (for testing the scanner itself). */
export function literalsInSource(code: string): Literal[] {
  const source = ts.createSourceFile('snippet.tsx', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: Literal[] = [];
  visit('snippet.tsx', source, source, out);
  return out;
}
