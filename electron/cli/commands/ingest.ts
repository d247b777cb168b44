import path from 'node:path';
import { ingestWithCustody } from '../../engine/custody/ingest-custody';
import { UnreadableInputError } from '../../engine/ingest/file-ingest';
import { isValidTimeZone } from '../../engine/time/zone';
import { UsageError } from '../errors';
import { warn, write } from '../output';
import { openCase } from './open-case';

export interface IngestArgs {
  casePath: string;
  files: string[];
  tz?: string;
  format?: string;
  examiner?: string;
  json: boolean;
}

export async function ingestCommand(args: IngestArgs): Promise<number> {
  if (args.files.length === 0) throw new UsageError('ingest needs at least one FILE');
  if (args.tz !== undefined && !isValidTimeZone(args.tz)) throw new UsageError(`unknown time zone "${args.tz}" (use an IANA name such as Asia/Tokyo)`);
  const session = await openCase(args.casePath, {
    examiner: args.examiner,
    create: args.tz ? { timezone: args.tz } : {},
    mustWrite: true,
  });
  const timezone = args.tz ?? session.meta().timezone;
  const results = [];
  let failed = 0;
  try {
    for (const file of args.files) {
      try {
        const ev = await ingestWithCustody(session, { path: file, format: args.format, timezone });
        results.push({
          path: ev.path,
          format: ev.format,
          events: ev.events,
          rejected: ev.rejected,
          sha256: ev.sha256,
          md5: ev.md5,
          sha1: ev.sha1,
          timezone: ev.timezone,
          encoding: ev.encoding,
          evidence_id: ev.id,
          exhibit: ev.exhibit,
        });
        if (!args.json) {
          await write(`${file}: ${ev.exhibit}, ${ev.format}, ${ev.events} events, ${ev.rejected} rejected, sha256 ${ev.sha256}\n`);
        }
      } catch (err) {
        if (!(err instanceof UnreadableInputError)) throw err;
        failed++;
        warn(`${file}: ${err.message}`);
      }
    }
  } finally {
    session.close();
  }
  if (args.json) await write(`${JSON.stringify({ case: path.resolve(args.casePath), files: results }, null, 2)}\n`);
  return failed > 0 ? 2 : 0;
}
