// The process tree around an event: its process's ancestors up to the outermost one the
// evidence shows, and every descendant, each with its own events (network, file, registry...)
// and the proxy and firewall events attributed to it. Linkage is the story's ProcessLinker
// (GUID, else pid + start time + host, else parent name + command line).
import type { ProcessNode, ProcessTreeResult } from '../../common/investigate';
import type { EventRow } from '../../common/schema';
import { ProcessLinker, type LinkMethod } from '../detect/story/process-links';
import type { CaseStore } from '../store/case-store';
import { attributeTraffic, hostAddresses } from './attribution';
import { hostProcessEvents, isProcessStart, withParentFields, type TreeEvent } from './process-events';
import { extraSql } from '../store/extra/extra-sql';

const MAX_ANCESTORS = 16;
const MAX_NODES = 300;
const MAX_EVENTS_PER_NODE = 200;
const MAX_HOST_EVENTS = 300_000;

interface Built {
  start: TreeEvent;
  logged: boolean;
  linkedBy: ProcessNode['linkedBy'];
  events: TreeEvent[];
  children: Built[];
}

export function processTree(store: CaseStore, eventId: number): ProcessTreeResult {
  const focusRow = store.all<TreeEvent>(
    `SELECT e.*, ${extraSql('e')} AS extra, v.format AS source_format FROM event_row e JOIN evidence v ON v.id = e.evidence_id WHERE e.id = ?`,
    [eventId],
  )[0];
  if (!focusRow) throw new Error(`no event #${eventId}`);
  const empty: ProcessTreeResult = { eventId, root: null, hostAddresses: [], ancestors: 0, nodes: 0, truncated: false };
  const focusEvent = withParentFields(focusRow);
  if (!focusEvent.host || (focusEvent.process_pid === null && !focusEvent.process_guid && !focusEvent.process_name)) return empty;

  const events = hostProcessEvents(store, focusEvent.host, null, MAX_HOST_EVENTS);
  let truncated = events.length >= MAX_HOST_EVENTS;
  const linker = new ProcessLinker<TreeEvent>();
  const starts = events.filter(isProcessStart);
  for (const s of starts) linker.add(s);

  // Which start each process start hangs from, and each event's process.
  const children = new Map<TreeEvent, { child: TreeEvent; method: LinkMethod }[]>();
  for (const s of starts) {
    const p = linker.parent(s);
    if (!p || p.start === s) continue;
    const list = children.get(p.start);
    if (list) list.push({ child: s, method: p.method });
    else children.set(p.start, [{ child: s, method: p.method }]);
  }
  const own = new Map<TreeEvent, TreeEvent[]>();
  for (const e of events) {
    if (isProcessStart(e)) continue;
    const s = linker.self(e)?.start;
    if (!s) continue;
    const list = own.get(s);
    if (list) list.push(e);
    else own.set(s, [e]);
  }

  const focusSelf = isProcessStart(focusEvent) ? (starts.find((s) => s.id === focusEvent.id) ?? null) : (linker.self(focusEvent)?.start ?? null);
  if (!focusSelf) {
    // The source logged no start for this process: it stands alone with the events that name it.
    const lone: Built = { start: focusEvent, logged: false, linkedBy: 'none', events: [focusEvent], children: [] };
    return finish(store, lone, focusEvent, 0, truncated);
  }

  // Up to the outermost ancestor the evidence shows.
  const path: { start: TreeEvent; method: LinkMethod | null }[] = [{ start: focusSelf, method: null }];
  const seen = new Set<TreeEvent>([focusSelf]);
  for (let cur = focusSelf; path.length <= MAX_ANCESTORS; ) {
    const p = linker.parent(cur);
    if (!p || seen.has(p.start)) break;
    seen.add(p.start);
    path[path.length - 1]!.method = p.method;
    path.push({ start: p.start, method: null });
    cur = p.start;
  }

  let count = 0;
  const build = (start: TreeEvent, linkedBy: ProcessNode['linkedBy'], withChildren: boolean): Built => {
    count++;
    const node: Built = { start, logged: true, linkedBy, events: (own.get(start) ?? []).slice(0, MAX_EVENTS_PER_NODE), children: [] };
    if (withChildren) {
      for (const c of children.get(start) ?? []) {
        if (count >= MAX_NODES) {
          truncated = true;
          break;
        }
        node.children.push(build(c.child, c.method, true));
      }
    }
    return node;
  };
  // Ancestors show only the line down to the focus; the focus shows all it started.
  let below: Built = build(focusSelf, path[0]!.method ?? 'none', true);
  for (let i = 1; i < path.length; i++) {
    const up = build(path[i]!.start, path[i]!.method ?? 'none', false);
    up.children.push(below);
    below = up;
  }
  // The outermost logged process still names its parent: show it, marked as not logged.
  const top = path[path.length - 1]!.start;
  if (top.parent_process_name || top.parent_process_guid || top.parent_pid != null) {
    const parent: TreeEvent = {
      ...top,
      process_name: top.parent_process_name,
      process_command_line: top.parent_process_command_line,
      process_pid: top.parent_pid ?? null,
      process_guid: top.parent_process_guid,
      parent_process_name: null,
      parent_process_command_line: null,
      parent_process_guid: null,
      parent_pid: null,
      time: top.parent_start ?? top.time,
      user: null,
    };
    below = { start: parent, logged: false, linkedBy: 'none', events: [], children: [below] };
    count++;
  }
  return finish(store, below, focusSelf, path.length - 1, truncated);
}

function finish(store: CaseStore, root: Built, focus: TreeEvent, ancestors: number, truncated: boolean): ProcessTreeResult {
  const host = root.start.host!;
  const addresses = hostAddresses(store, host);
  const all: Built[] = [];
  const walk = (b: Built) => {
    all.push(b);
    b.children.forEach(walk);
  };
  walk(root);
  const attributed = attributeTraffic(
    store,
    host,
    addresses,
    all.map((b) => ({ key: b.start, start: b.start.time, events: b.events })),
    focus,
  );
  const ids = new Set<number>();
  for (const b of all) for (const e of b.events) ids.add(e.id);
  const rows = rowsById(store, ids);
  const toNode = (b: Built): ProcessNode => ({
    key: b.start.process_guid ? `guid:${b.start.process_guid}` : `pid:${b.start.process_pid ?? '?'}@${b.start.time}`,
    linkedBy: b.linkedBy,
    logged: b.logged,
    host: b.start.host,
    name: b.start.process_name,
    pid: b.start.process_pid,
    guid: b.start.process_guid,
    commandLine: b.start.process_command_line,
    user: b.start.user,
    startEventId: b.start.id,
    start: b.start.time,
    events: b.events.map((e) => rows.get(e.id)).filter((r): r is EventRow => r !== undefined),
    attributed: attributed.get(b.start) ?? [],
    children: b.children.map(toNode),
    focus: b.start === focus,
  });
  return { eventId: focus.id, root: toNode(root), hostAddresses: addresses, ancestors, nodes: all.length, truncated };
}

function rowsById(store: CaseStore, ids: Set<number>): Map<number, EventRow> {
  const out = new Map<number, EventRow>();
  const all = Array.from(ids);
  for (let i = 0; i < all.length; i += 500) {
    const chunk = all.slice(i, i + 500);
    for (const r of store.all<EventRow>(`SELECT * FROM events WHERE id IN (${chunk.map(() => '?').join(',')})`, chunk)) out.set(Number(r.id), r);
  }
  return out;
}
