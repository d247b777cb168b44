// Reading an indicator file: its format is decided from its content (JSON: STIX bundle or MISP
// event; text: a headed CSV feed or a plain list), never from its name. A file that yields no
// indicator is an error naming the file and why (a MISP galaxy or a STIX malware object has
// descriptions and links, not indicators); entries that are skipped are returned for the
// caller to report.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { detectEncoding, NotTextError } from '../../ingest/encoding';
import { looksLikeIocCsv, parseIocCsv } from './csv';
import { isMispDocument, parseMisp } from './misp';
import { parsePlainList } from './plain';
import { isStixDocument, parseStix } from './stix';
import type { CodedText } from '../../../common/coded-text';
import { said, type Said } from '../said';
import { IocFileError, type IndicatorFile } from './types';

function decode(name: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new IocFileError(`${name}: empty file`, { code: 'ioc.empty', params: { name } });
  let guess;
  try {
    guess = detectEncoding(bytes.subarray(0, 65536));
  } catch (err) {
    if (err instanceof NotTextError) throw new IocFileError(`${name}: binary file (not an indicator list)`, { code: 'ioc.binary', params: { name } });
    throw err;
  }
  return new TextDecoder(guess.encoding).decode(bytes.subarray(guess.bomLength));
}

function lineOf(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function parseJson(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const where = pos ? `line ${lineOf(text, Number(pos[1]))}: ` : '';
    const detail = `${where}${msg.replace(/^.*?:\s*/, '').slice(0, 120)}`;
    throw new IocFileError(`${name}: not valid JSON (${detail})`, { code: 'ioc.badJson', params: { name, detail } });
  }
}

function describeJson(doc: unknown): Said {
  if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
    const o = doc as Record<string, unknown>;
    if (Array.isArray(o.values) && typeof o.uuid === 'string') return said('ioc.galaxy', {}, 'a MISP galaxy cluster (descriptions and references, not an event)');
    const keys = Object.keys(o).slice(0, 6).join(', ') || '(none)';
    return said('ioc.jsonKeys', { keys }, `JSON with keys ${keys}, neither a STIX bundle nor a MISP event`);
  }
  return said('ioc.jsonOther', {}, 'JSON that is neither a STIX bundle nor a MISP event');
}

/**
 * Parses indicator file content. Errors name the file as `name`; indicators (and so hits)
 * cite `source`, by default the same.
 */
export function parseIndicatorContent(name: string, content: Uint8Array | string, source = name): IndicatorFile {
  const text = typeof content === 'string' ? content.replace(/^\ufeff/, '') : decode(name, content);
  const head = text.trimStart();
  let file: IndicatorFile;
  if (head.startsWith('{') || head.startsWith('[')) {
    const doc = parseJson(name, text);
    if (isStixDocument(doc)) file = parseStix(source, doc);
    else if (isMispDocument(doc)) file = parseMisp(source, doc);
    else {
      const what = describeJson(doc);
      throw new IocFileError(`${name}: no indicators found (${what.text})`, { code: 'ioc.noIndicatorsBecause', params: { name, reason: what.coded } });
    }
  } else {
    const lines = text.split(/\r?\n/);
    file = looksLikeIocCsv(lines) ? parseIocCsv(source, lines) : parsePlainList(source, lines);
  }
  if (file.indicators.length === 0) {
    const first = file.skipped[0];
    const unit = file.format === 'stix' || file.format === 'misp' ? 'object' : 'line';
    const why = first ? ` (${first.line !== null ? `${unit} ${first.line}: ` : ''}${first.reason})` : '';
    const reason = first?.reason_code ?? first?.reason ?? '';
    const coded: CodedText = !first
      ? { code: 'ioc.noIndicators', params: { name } }
      : first.line === null
        ? { code: 'ioc.noIndicatorsBecause', params: { name, reason } }
        : { code: 'ioc.noIndicatorsAt', params: { name, at: { code: `ioc.at.${unit}`, params: { n: String(first.line) } }, reason } };
    throw new IocFileError(`${name}: no indicators found${why}`, coded);
  }
  return file;
}

/** Reads and parses one indicator file from disk; hits cite its base name. */
export function loadIndicatorFile(file: string): IndicatorFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new IocFileError(`${file}: cannot read indicator file (${why})`, { code: 'ioc.cannotRead', params: { path: file, why } });
  }
  return parseIndicatorContent(file, bytes, path.basename(file));
}
