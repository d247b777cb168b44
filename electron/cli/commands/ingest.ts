import path from 'node:path';
import type { ZipEntryOutcome } from '../../common/ingest-options';
import type { EvidenceSummary } from '../../common/schema';
import { ingestWithCustody } from '../../engine/custody/ingest-custody';
import { UnreadableInputError } from '../../engine/ingest/file-ingest';
import { resolveIngestChoices, type ResolvedChoices } from '../../engine/ingest/ingest-options';
import { listEvidence } from '../../engine/store/evidence-registry';
import { isValidTimeZone } from '../../engine/time/zone';
import { UsageError } from '../errors';
import { readMappingFile, saveMappingOrExplain } from './mapping';
import { warn, write } from '../output';
import { openCase } from './open-case';
import { scopeFromArgs, type ScopeArgs } from './ingest-scope';
import { scopeDetails } from '../../engine/ingest/scope/record';

export interface IngestArgs {
  casePath: string;
  files: string[];
  tz?: string;
  format?: string;
  encoding?: string;
  baseYear?: string;
  /** A column-mapping file (generic importer), and a name to save it under in the case. */
  mapping?: string;
  saveMapping?: string;
  examiner?: string;
  json: boolean;
  /** What to keep of each file (import scoping); everything when absent. */
  scope?: ScopeArgs;
}

/** One row of `ingest --json` (contract 1), plus where an entry of a .zip came from. */
function fileRow(ev: EvidenceSummary) {
  return {
    path: ev.path,
    format: ev.format,
    events: ev.events,
    rejected: ev.rejected,
    sha256: ev.sha256,
    md5: ev.md5,
    sha1: ev.sha1,
    timezone: ev.timezone,
    encoding: ev.encoding,
    encoding_source: ev.encoding_source,
    base_year: ev.base_year,
    evidence_id: ev.id,
    exhibit: ev.exhibit,
    ...(ev.container ? { container: ev.container } : {}),
    ...(ev.parent_id !== null ? { name: ev.name, entry: ev.entry_name, parent_evidence_id: ev.parent_id } : {}),
  };
}

type FileRow = ReturnType<typeof fileRow> & { entries?: ReturnType<typeof entrySummary>[] };

function entrySummary(o: ZipEntryOutcome) {
  return { entry: o.entry, status: o.status, ...(o.reason ? { reason: o.reason } : {}), ...(o.evidenceId ? { evidence_id: o.evidenceId } : {}) };
}

export async function ingestCommand(args: IngestArgs): Promise<number> {
  if (args.files.length === 0) throw new UsageError('ingest needs at least one FILE');
  if (args.tz !== undefined && !isValidTimeZone(args.tz)) throw new UsageError(`unknown time zone "${args.tz}" (use an IANA name such as Asia/Tokyo)`);
  let choices: ResolvedChoices;
  try {
    choices = resolveIngestChoices({ encoding: args.encoding, baseYear: args.baseYear });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (args.saveMapping !== undefined && args.mapping === undefined) throw new UsageError('--save-mapping needs --mapping FILE');
  const mapping = args.mapping === undefined ? undefined : readMappingFile(args.mapping);
  const scope = args.scope ? scopeFromArgs(args.scope) : undefined;
  const session = await openCase(args.casePath, {
    examiner: args.examiner,
    create: args.tz ? { timezone: args.tz } : {},
    mustWrite: true,
  });
  const timezone = args.tz ?? session.meta().timezone;
  if (mapping && args.saveMapping !== undefined) saveMappingOrExplain(session, args.saveMapping, mapping);
  const results: FileRow[] = [];
  let failed = 0;
  // Ctrl+C cancels: the file being read is rolled back and recorded as cancelled, the case is
  // saved consistent, the files after it are not started. A second Ctrl+C ends the process.
  const cancel = new AbortController();
  const onInterrupt = (): void => {
    if (cancel.signal.aborted) process.exit(130);
    warn('cancelling the ingest (Ctrl+C again to stop at once)');
    cancel.abort();
  };
  process.on('SIGINT', onInterrupt);
  try {
    for (const file of args.files) {
      if (cancel.signal.aborted) break;
      try {
        const ev = await ingestWithCustody(session, { path: file, format: args.format, timezone, ...choices, mapping, signal: cancel.signal, scope });
        // An archive's row lists every entry and what became of it; ingested entries follow as rows of their own.
        // A scoped file says how many parsed events its scope left out (they are not in the case).
        const scopedOut = scope && !ev.entries ? { scoped_out: scopeDetails(session.store, ev.id).scopedOut ?? 0 } : {};
        results.push(ev.entries ? { ...fileRow(ev), entries: ev.entries.map(entrySummary) } : { ...fileRow(ev), ...scopedOut });
        if (!args.json) {
          const left = scopedOut.scoped_out !== undefined ? `, ${scopedOut.scoped_out} outside the scope` : '';
          await write(`${file}: ${ev.exhibit}, ${ev.format}, ${ev.events} events${left}, ${ev.rejected} rejected, sha256 ${ev.sha256}\n`);
        }
        if (ev.entries) failed += await reportEntries(session.store, file, ev.entries, results, args.json);
      } catch (err) {
        if (!(err instanceof UnreadableInputError)) throw err;
        failed++;
        warn(`${file}: ${err.message}`);
      }
    }
  } finally {
    process.off('SIGINT', onInterrupt);
    session.close();
  }
  if (args.json) await write(`${JSON.stringify({ case: path.resolve(args.casePath), files: results }, null, 2)}\n`);
  // 130: the shell's code for a command ended by Ctrl+C.
  if (cancel.signal.aborted) return 130;
  return failed > 0 ? 2 : 0;
}

/** A row per ingested entry; a stderr line per entry left out. Returns how many failed. */
async function reportEntries(
  store: Parameters<typeof listEvidence>[0],
  file: string,
  entries: ZipEntryOutcome[],
  results: FileRow[],
  json: boolean,
): Promise<number> {
  const byId = new Map(listEvidence(store).map((e) => [e.id, e]));
  let failed = 0;
  for (const o of entries) {
    const ev = o.evidenceId === undefined ? undefined : byId.get(o.evidenceId);
    if (ev) {
      results.push(fileRow(ev));
      if (!json) await write(`  ${o.entry}: ${ev.exhibit}, ${ev.format}, ${ev.events} events, ${ev.rejected} rejected, sha256 ${ev.sha256}\n`);
    } else if (o.status === 'failed') {
      failed++;
      warn(`${file}: entry "${o.entry}": ${o.reason}`);
    } else if (!json) {
      await write(`  ${o.entry}: skipped (${o.reason})\n`);
    }
  }
  return failed;
}
