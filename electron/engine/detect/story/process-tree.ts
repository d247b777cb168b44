// Ancestry of a process on one host, to tell execution the lure caused (a script host or
// LOLBin under WINWORD/EXCEL/OUTLOOK, however deep) from the same command run by an
// administrator. Parents are found by GUID where the source has one (Sysmon ProcessGuid,
// Carbon Black process GUIDs), else by the parent's name and command line, which Defender and
// Falcon write on every child.
import { ms, type StoryEvent } from './events';
import type { StoryData } from './network';
import { ProcessLinker } from './process-links';

const OFFICE_APPS = new Set([
  'winword.exe', 'excel.exe', 'powerpnt.exe', 'outlook.exe', 'mspub.exe', 'msaccess.exe', 'onenote.exe', 'onenotem.exe', 'visio.exe', 'eqnedt32.exe',
]);

const MAX_DEPTH = 8;

const lower = (s: string | null) => (s ? s.toLowerCase() : '');
const base = (s: string | null) => {
  const l = lower(s);
  return l.slice(Math.max(l.lastIndexOf('\\'), l.lastIndexOf('/')) + 1);
};

export function isOffice(name: string | null): boolean {
  return OFFICE_APPS.has(base(name));
}

export interface OfficeAncestor {
  /** The Office application's name and command line (the lure is usually its argument). */
  name: string;
  commandLine: string | null;
  /** Its own start event, when the source logged it. */
  event: StoryEvent | null;
}

export class ProcessTree {
  private links = new ProcessLinker<StoryEvent>();

  /** Process starts of the hosts (by host key), from the scan's index. */
  constructor(data: StoryData, hostKeys: Iterable<string>) {
    for (const k of hostKeys) {
      for (const e of data.index.eventsOf(data.store, k)) if (e.category === 'process' && e.process_name) this.links.add(e);
    }
  }

  /** The start event of the process that performed e (e itself for a process start). */
  private self(e: StoryEvent): StoryEvent | null {
    return this.links.self(e)?.start ?? null;
  }

  private parent(e: StoryEvent): StoryEvent | null {
    return this.links.parent(e)?.start ?? null;
  }

  /** The nearest Office application among the process's ancestors (or itself), or null. */
  officeAncestor(e: StoryEvent): OfficeAncestor | null {
    let cur: StoryEvent | null = e.category === 'process' ? e : (this.self(e) ?? e);
    const seen = new Set<number>();
    for (let depth = 0; cur && depth < MAX_DEPTH; depth++) {
      if (seen.has(cur.id)) break;
      seen.add(cur.id);
      if (isOffice(cur.process_name) && cur !== e) return { name: cur.process_name!, commandLine: cur.process_command_line, event: cur };
      if (isOffice(cur.parent_process_name)) {
        return { name: cur.parent_process_name!, commandLine: cur.parent_process_command_line, event: this.parent(cur) };
      }
      cur = this.parent(cur);
    }
    return null;
  }

  /** Time of a process's start, for ordering; the event's own time when unknown. */
  startMs(e: StoryEvent): number {
    return ms((this.self(e) ?? e).time);
  }
}
