// Which process start an event belongs to, and which process started it, on one host. Used by
// the story (Office ancestry) and the investigation workspace's process tree. Links, strongest
// first: the source's own process GUIDs (Sysmon ProcessGuid, Carbon Black process GUIDs); the
// parent's pid with its start time (Defender InitiatingProcessId + CreationTime, Sysmon
// ParentProcessId, Security 4688's creator ProcessId, Carbon Black parent_pid) on the same
// host, since pids are reused; else the parent's name and command line, which Defender and
// Falcon write on every child.
import type { StoryEvent } from './events';

export type LinkMethod = 'guid' | 'pid-time' | 'name-cmdline';

export interface LinkEvent extends StoryEvent {
  /** The parent's pid as the source wrote it, when it did. */
  parent_pid?: number | null;
  /** The parent's start time (ISO UTC), when the source wrote it. */
  parent_start?: string | null;
}

const lower = (s: string | null | undefined) => (s ? s.toLowerCase() : '');
export const baseName = (s: string | null | undefined): string => {
  const l = lower(s);
  return l.slice(Math.max(l.lastIndexOf('\\'), l.lastIndexOf('/')) + 1);
};

// A parent's start time written by the child and the parent's own start event differ by the
// two sources' clock rounding; a second covers it.
const START_SLACK_MS = 1000;

export class ProcessLinker<E extends LinkEvent = LinkEvent> {
  private byGuid = new Map<string, E>();
  private byNameCmd = new Map<string, E[]>();
  private byPid = new Map<string, E[]>();

  /** Adds a process start (the event of a process category naming its process). */
  add(e: E): void {
    const host = lower(e.host);
    if (e.process_guid && !this.byGuid.has(`${host}|${e.process_guid}`)) this.byGuid.set(`${host}|${e.process_guid}`, e);
    if (e.process_command_line) push(this.byNameCmd, `${host}|${baseName(e.process_name)}|${e.process_command_line}`, e);
    if (e.process_pid !== null && e.process_pid !== undefined) push(this.byPid, `${host}|${e.process_pid}`, e);
  }

  /** The start event of the process that performed e (e itself for a process start). */
  self(e: LinkEvent): { start: E; method: LinkMethod } | null {
    const host = lower(e.host);
    if (e.process_guid) {
      const hit = this.byGuid.get(`${host}|${e.process_guid}`);
      if (hit) return { start: hit, method: 'guid' };
    }
    if (e.process_pid !== null && e.process_pid !== undefined) {
      // A reused pid must not join two programs: the names must agree when both are known.
      const hit = this.latestBefore(this.byPid, `${host}|${e.process_pid}`, e.time, undefined, (c) => sameName(c.process_name, e.process_name));
      if (hit) return { start: hit, method: 'pid-time' };
    }
    if (!e.process_command_line) return null;
    const hit = this.latestBefore(this.byNameCmd, `${host}|${baseName(e.process_name)}|${e.process_command_line}`, e.time);
    return hit ? { start: hit, method: 'name-cmdline' } : null;
  }

  parent(e: LinkEvent): { start: E; method: LinkMethod } | null {
    const host = lower(e.host);
    if (e.parent_process_guid) {
      const hit = this.byGuid.get(`${host}|${e.parent_process_guid}`);
      if (hit) return { start: hit, method: 'guid' };
    }
    if (e.parent_pid !== null && e.parent_pid !== undefined) {
      const list = this.byPid.get(`${host}|${e.parent_pid}`);
      if (list && e.parent_start) {
        const want = Date.parse(e.parent_start);
        const exact = list.find((c) => Math.abs(Date.parse(c.time) - want) <= START_SLACK_MS && sameName(c.process_name, e.parent_process_name));
        if (exact && exact !== e) return { start: exact, method: 'pid-time' };
      }
      const hit = this.latestBefore(this.byPid, `${host}|${e.parent_pid}`, e.time, e, (c) => sameName(c.process_name, e.parent_process_name));
      if (hit) return { start: hit, method: 'pid-time' };
    }
    if (!e.parent_process_name || !e.parent_process_command_line) return null;
    const hit = this.latestBefore(this.byNameCmd, `${host}|${baseName(e.parent_process_name)}|${e.parent_process_command_line}`, e.time, e);
    return hit ? { start: hit, method: 'name-cmdline' } : null;
  }

  private latestBefore(index: Map<string, E[]>, key: string, time: string, not?: LinkEvent, accept?: (c: E) => boolean): E | null {
    const list = index.get(key);
    if (!list) return null;
    let best: E | null = null;
    for (const c of list) if (c !== not && c.time <= time && (!best || c.time > best.time) && (!accept || accept(c))) best = c;
    return best;
  }
}

function sameName(a: string | null, b: string | null): boolean {
  return !a || !b || baseName(a) === baseName(b);
}

function push<E>(map: Map<string, E[]>, key: string, e: E): void {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}
