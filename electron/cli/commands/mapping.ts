// `tracelight mapping propose FILE [--format ID] [--encoding ENC] [--json]`: the column
// mapping the generic importer proposes for a table or JSON file no format recognizes;
// --json prints just the mapping, for a script to edit and pass to `ingest --mapping`.
// `tracelight mapping list CASE [--json]`: the mappings saved in a case.
// `tracelight mapping export CASE NAME`: one saved mapping as JSON, for use in another case.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { GENERIC_FORMAT_IDS, TIMESTAMP_FORMAT_LABELS, type ColumnMapping, type GenericFormatId } from '../../common/import-mapping';
import { proposeMapping } from '../../engine/ingest/mapping/propose-mapping';
import type { CaseSession } from '../../engine/custody/session';
import { saveMapping } from '../../engine/custody/save-mapping';
import { findSavedMappingByName, listSavedMappings } from '../../engine/ingest/mapping/saved-mappings';
import { MappingError, validateMapping } from '../../engine/formats/generic/validate-mapping';
import { TEXT_ENCODINGS, type TextEncoding } from '../../engine/ingest/encoding';
import { UsageError } from '../errors';
import { write } from '../output';
import { openCase } from './open-case';

const MAX_MAPPING_FILE = 1024 * 1024;

/** A mapping file as `mapping propose --json` or `mapping export` wrote it (maybe edited). */
export function readMappingFile(file: string): ColumnMapping {
  let text: string;
  try {
    if (statSync(file).size > MAX_MAPPING_FILE) throw new UsageError(`${file}: a mapping file is at most 1 MiB`);
    text = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`${file}: cannot read the mapping file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${file}: not JSON (${(err as Error).message})`);
  }
  try {
    return validateMapping(json);
  } catch (err) {
    if (err instanceof MappingError) throw new UsageError(`${file}: ${err.message}`);
    throw err;
  }
}

export interface MappingArgs {
  sub: string | undefined;
  rest: string[];
  format?: string;
  encoding?: string;
  json: boolean;
}

function pct(n: number): string {
  return `${Math.round(n * 100)}%`;
}

async function propose(file: string, args: MappingArgs): Promise<number> {
  if (args.format !== undefined && !(GENERIC_FORMAT_IDS as readonly string[]).includes(args.format)) {
    throw new UsageError(`--format for a mapping is one of ${GENERIC_FORMAT_IDS.join(', ')}`);
  }
  if (args.encoding !== undefined && !(TEXT_ENCODINGS as readonly string[]).includes(args.encoding)) {
    throw new UsageError(`unknown encoding "${args.encoding}" (${TEXT_ENCODINGS.join(', ')})`);
  }
  const p = proposeMapping(file, path.basename(file), { format: args.format as GenericFormatId | undefined, encoding: args.encoding as TextEncoding | undefined });
  if (args.json) {
    await write(`${JSON.stringify(p.mapping, null, 2)}\n`);
    return 0;
  }
  await write(`${file}: ${p.mapping.format}, ${p.encoding}${p.mapping.csv ? `, delimiter ${JSON.stringify(p.mapping.csv.delimiter)}, ${p.mapping.csv.header ? 'header row' : 'no header'}${p.mapping.csv.skipRecords ? `, ${p.mapping.csv.skipRecords} records skipped` : ''}` : ''}\n`);
  if (p.time) {
    await write(`time: ${p.time.columns.join(' + ')} as ${TIMESTAMP_FORMAT_LABELS[p.time.format]} (${pct(p.time.parseRate)} of sampled values, confidence ${pct(p.time.confidence)})\n`);
  }
  const width = Math.max(...p.columns.map((c) => c.source.length), 6);
  for (const c of p.columns) {
    const sample = c.samples[0] === undefined ? '' : `  e.g. ${JSON.stringify(c.samples[0].slice(0, 60))}`;
    await write(`  ${c.source.padEnd(width)}  -> ${c.target.padEnd(22)} ${c.confidence ? pct(c.confidence).padStart(4) : '    '}  ${c.reason}${sample}\n`);
  }
  for (const w of p.warnings) await write(`warning: ${w}\n`);
  await write('(--json prints the mapping to edit and pass to `tracelight ingest CASE FILE --mapping M.json`)\n');
  return 0;
}

export async function mappingCommand(args: MappingArgs): Promise<number> {
  const [first, second, ...extra] = args.rest;
  switch (args.sub) {
    case 'propose':
      if (!first || second !== undefined) throw new UsageError('mapping propose needs one FILE');
      return propose(first, args);
    case 'list': {
      if (!first || second !== undefined) throw new UsageError('mapping list needs one CASE');
      const session = await openCase(first, { readOnly: true });
      try {
        const list = listSavedMappings(session.store);
        if (args.json) await write(`${JSON.stringify(list, null, 2)}\n`);
        else for (const m of list) await write(`${m.name}\t${m.format}\t${m.created_at}\t${m.created_by}\n`);
      } finally {
        session.close();
      }
      return 0;
    }
    case 'export': {
      if (!first || !second || extra.length) throw new UsageError('mapping export needs CASE and NAME');
      const session = await openCase(first, { readOnly: true });
      try {
        const saved = findSavedMappingByName(session.store, second);
        if (!saved) throw new UsageError(`${first}: no saved mapping named "${second}"`);
        await write(`${JSON.stringify({ name: saved.name, mapping: saved.mapping }, null, 2)}\n`);
      } finally {
        session.close();
      }
      return 0;
    }
    default:
      throw new UsageError('mapping needs propose FILE, list CASE or export CASE NAME');
  }
}

/** `ingest --save-mapping NAME`: saves the given mapping in the case (mapping.saved). */
export function saveMappingOrExplain(session: CaseSession, name: string, mapping: ColumnMapping): void {
  try {
    saveMapping(session, name, mapping);
  } catch (err) {
    if (err instanceof MappingError) throw new UsageError(`--save-mapping: ${err.message}`);
    throw err;
  }
}
