// The lure: the document whose opening started a host's chain. First from the Office
// process's own command line ("WINWORD.EXE" /n "C:\Users\...\請求書.doc"), else from the
// documents the host wrote or opened shortly before its first malicious execution (a mail
// attachment saved by OUTLOOK, a download).
import { ms, type StoryEvent } from './events';
import type { StoryData } from './network';
import { isOffice, type OfficeAncestor } from './process-tree';

export const DOCUMENT_EXTENSIONS = 'doc|docm|docx|dot|dotm|xls|xlsm|xlsx|xlsb|xlam|ppt|pptm|pptx|ppsm|rtf|one|pub|odt|ods|csv|iqy|slk';
const QUOTED_DOC = new RegExp(`"([^"]+\\.(?:${DOCUMENT_EXTENSIONS}))"`, 'i');
const BARE_DOC = new RegExp(`(?:^|\\s)([^\\s"]+\\.(?:${DOCUMENT_EXTENSIONS}))(?=\\s|$)`, 'i');
const DOCUMENT_PATH = new RegExp(`\\.(?:${DOCUMENT_EXTENSIONS})$`, 'i');
/** How long before the first malicious execution a saved or opened document still counts as its lure. */
const LURE_WINDOW_MS = 2 * 3600 * 1000;

/** The document an Office command line opens, as written. */
function documentInCommandLine(commandLine: string | null): string | null {
  if (!commandLine) return null;
  const q = QUOTED_DOC.exec(commandLine);
  if (q) return q[1]!;
  const b = BARE_DOC.exec(commandLine);
  return b ? b[1]! : null;
}

export interface Lure {
  document: string | null;
  time: string;
  user: string | null;
  event_ids: number[];
}

/** The lure of a host's chain, from the Office ancestor of its first malicious execution or the host's recent documents. */
export function findLure(data: StoryData, hostKey: string, firstMalicious: string, office: OfficeAncestor | null): Lure | null {
  const fromCommand = documentInCommandLine(office?.commandLine ?? null);
  const since = new Date(ms(firstMalicious) - LURE_WINDOW_MS).toISOString();
  const candidates = data.index
    .eventsOf(data.store, hostKey)
    .filter((e) => e.time >= since && e.time <= firstMalicious && (e.category === 'file' || e.category === 'process' || e.file_path !== null));
  if (office && fromCommand) {
    // The Office start when logged; else the document's own file event (saved, downloaded).
    const name = fromCommand.replace(/^.*[\\/]/, '').toLowerCase();
    const ev = office.event ?? [...candidates].reverse().find((e) => e.file_path && e.file_path.toLowerCase().endsWith(name)) ?? null;
    return { document: fromCommand, time: ev?.time ?? firstMalicious, user: ev?.user ?? null, event_ids: ev ? [ev.id] : [] };
  }
  // No document on the command line (or no Office ancestor logged): the host's latest
  // document event before the execution.
  let best: { doc: string; e: StoryEvent } | null = null;
  for (const e of candidates) {
    const doc = e.file_path && DOCUMENT_PATH.test(e.file_path) ? e.file_path : isOffice(e.process_name) ? documentInCommandLine(e.process_command_line) : null;
    if (doc) best = { doc, e };
  }
  if (best) return { document: best.doc, time: best.e.time, user: best.e.user, event_ids: [best.e.id] };
  return office?.event ? { document: null, time: office.event.time, user: office.event.user, event_ids: [office.event.id] } : null;
}
