// The element tree an EVTX record's BinXML expands to, and its rendering as XML text
// (what Event Viewer shows on its "XML View" tab, indented two spaces per level).
// Text and attribute values are held unescaped; escaping happens only when rendering.

export interface XmlAttribute {
  name: string;
  value: string;
}

export interface XmlElement {
  kind: 'element';
  name: string;
  attributes: XmlAttribute[];
  children: XmlNode[];
}

export interface XmlCData {
  kind: 'cdata';
  text: string;
}

export interface XmlPI {
  kind: 'pi';
  target: string;
  data: string;
}

/** Character data is a plain string. */
export type XmlNode = string | XmlElement | XmlCData | XmlPI;

// Text escapes &, < and >; attribute values also ". Control characters are not allowed in
// XML 1.0, not even as references: they are shown as a visible \uXXXX instead of dropped.
// eslint-disable-next-line no-control-regex
const TEXT_ESCAPE = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex
const ATTR_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const TEXT_ESCAPE_ALL = new RegExp(TEXT_ESCAPE.source, 'g');
const ATTR_ESCAPE_ALL = new RegExp(ATTR_ESCAPE.source, 'g');

function escapeChar(c: string): string {
  switch (c) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '"':
      return '&quot;';
    default:
      return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
}

/** Character data: escapes &, < and > (quotes stay as written, as Event Viewer shows them). */
export function escapeText(text: string): string {
  return TEXT_ESCAPE.test(text) ? text.replace(TEXT_ESCAPE_ALL, escapeChar) : text;
}

/** An attribute value in double quotes: escapes &, <, > and ". */
export function escapeAttribute(text: string): string {
  return ATTR_ESCAPE.test(text) ? text.replace(ATTR_ESCAPE_ALL, escapeChar) : text;
}

function renderElement(el: XmlElement, indent: string, out: string[]): void {
  let open = `${indent}<${el.name}`;
  for (const a of el.attributes) open += ` ${a.name}="${escapeAttribute(a.value)}"`;
  if (el.children.length === 0) {
    out.push(`${open}/>`);
    return;
  }
  const onlyText = el.children.every((c) => typeof c === 'string');
  if (onlyText) {
    out.push(`${open}>${escapeText((el.children as string[]).join(''))}</${el.name}>`);
    return;
  }
  out.push(`${open}>`);
  renderNodes(el.children, `${indent}  `, out);
  out.push(`${indent}</${el.name}>`);
}

function renderNodes(nodes: readonly XmlNode[], indent: string, out: string[]): void {
  for (const n of nodes) {
    if (typeof n === 'string') {
      if (n.trim() !== '') out.push(indent + escapeText(n));
    } else if (n.kind === 'element') {
      renderElement(n, indent, out);
    } else if (n.kind === 'cdata') {
      out.push(`${indent}<![CDATA[${n.text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`);
    } else {
      out.push(`${indent}<?${n.target}${n.data ? ` ${n.data.replaceAll('?>', '? >')}` : ''}?>`);
    }
  }
}

/** The nodes as indented XML text, one element per line. */
export function renderXml(nodes: readonly XmlNode[]): string {
  const out: string[] = [];
  renderNodes(nodes, '', out);
  return out.join('\n');
}

/** The concatenated character data of an element (CDATA included), not descending. */
export function textOf(el: XmlElement): string {
  let s = '';
  for (const c of el.children) {
    if (typeof c === 'string') s += c;
    else if (c.kind === 'cdata') s += c.text;
  }
  return s;
}

export function childElement(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) if (typeof c !== 'string' && c.kind === 'element' && c.name === name) return c;
  return undefined;
}

export function childElements(el: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && c.kind === 'element') out.push(c);
  return out;
}

export function attributeOf(el: XmlElement | undefined, name: string): string | undefined {
  if (!el) return undefined;
  for (const a of el.attributes) if (a.name === name) return a.value;
  return undefined;
}
