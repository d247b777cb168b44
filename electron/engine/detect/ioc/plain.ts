// Plain indicator lists: one value (or a few) per line, "#", "//" and ";" comments, defanged
// forms accepted. A trailing comment or any words after the value become its context.
import { classify } from './classify';
import { skip, type Indicator, type IndicatorFile, type SkippedEntry } from './types';

const COMMENT_LINE = /^\s*(?:#|\/\/|;|!)/;

export function parsePlainList(source: string, lines: readonly string[]): IndicatorFile {
  const indicators: Indicator[] = [];
  const skipped: SkippedEntry[] = [];
  lines.forEach((text, i) => {
    const line = i + 1;
    if (text.trim() === '' || COMMENT_LINE.test(text)) return;
    const hash = text.search(/\s#/);
    const body = hash === -1 ? text : text.slice(0, hash);
    const comment = hash === -1 ? '' : text.slice(hash).replace(/^\s*#\s*/, '').trim();
    const tokens = body.split(/[\s,;|]+/).filter((t) => t !== '');
    const found = [];
    const words = [];
    for (const token of tokens) {
      const c = classify(token);
      if (c) found.push({ c, token });
      else words.push(token);
    }
    if (found.length === 0) {
      skipped.push(skip(line, 'ioc.skip.notIndicator', { text: text.trim().slice(0, 80) }, `"${text.trim().slice(0, 80)}" is not an IP, CIDR, domain, URL or hash`));
      return;
    }
    const context = [words.join(' '), comment].filter((w) => w !== '').join(' — ') || null;
    for (const { c, token } of found) {
      indicators.push({ type: c.type, value: c.value, raw: token, source, line, port: c.port, context });
    }
  });
  return { source, format: 'plain', indicators, skipped };
}
