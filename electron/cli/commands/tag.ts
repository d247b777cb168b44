// `tracelight tag CASE EVENT_ID --note TEXT --examiner NAME [--label LABEL]`
import { ActionError, addNote, addTag } from '../../engine/custody/actions';
import { UsageError } from '../errors';
import { write } from '../output';
import { openCase } from './open-case';

export interface TagArgs {
  casePath: string;
  eventId: string;
  note?: string;
  label?: string;
  examiner?: string;
  json: boolean;
}

export async function tagCommand(args: TagArgs): Promise<number> {
  const eventId = Number(args.eventId);
  if (!Number.isInteger(eventId) || eventId <= 0) throw new UsageError(`invalid EVENT_ID "${args.eventId}"`);
  if (args.note === undefined && args.label === undefined) throw new UsageError('tag needs --note TEXT (and optionally --label LABEL)');
  const session = await openCase(args.casePath, { examiner: args.examiner, mustWrite: true });
  try {
    let tagId: number | null = null;
    let noteId: number | null = null;
    try {
      if (args.label !== undefined) tagId = addTag(session, eventId, args.label).id;
      if (args.note !== undefined) noteId = addNote(session, eventId, args.note).id;
    } catch (err) {
      if (err instanceof ActionError) throw new UsageError(`${args.casePath}: ${err.message}`);
      throw err;
    }
    session.checkpoint();
    const out = { case: session.path, event_id: eventId, tag_id: tagId, note_id: noteId, label: args.label ?? null, examiner: session.examiner.name };
    await write(args.json ? `${JSON.stringify(out, null, 2)}\n` : `event ${eventId}: ${tagId ? `tag ${tagId} ` : ''}${noteId ? `note ${noteId} ` : ''}saved by ${out.examiner}\n`);
    return 0;
  } finally {
    session.close();
  }
}
