// Patient zero by linkage within a window. Every infected actor (a host that ran the chain, a
// source seen only on the network) is tied to the others by what it shares with them: the
// lure's file name, a payload URL it fetched, a C2 endpoint it beacons to, an indicator it hit.
// Actors that share ties form a chain; the chain's activity is cut into episodes wherever no
// linked activity happens for longer than the window, so a machine that touched the same C2
// address a month before the outbreak (a researcher, an old infection) is not its patient
// zero. Patient zero is the first actor tied to the largest episode of the largest chain; an
// actor with no tie at all (an administrator's PowerShell, even confirmed) never is when
// another actor has ties.

import { asParam, said, say } from '../said';

/** Chain-linked activity further apart than this starts a new episode (detect --chain-window). */
export const DEFAULT_CHAIN_WINDOW_HOURS = 24;

export interface ChainTie {
  /** What is shared, as a key (normalized URL, ip|port, lure name in lower case). */
  id: string;
  /** The same as the investigator reads it (the URL as written). */
  label: string;
  /** When this actor first did it. */
  time: string;
}

export interface LinkActor {
  key: string;
  /** First malicious activity of the actor (what patient zero's time reports). */
  first: string;
  ties: ChainTie[];
}

export interface ChainChoice {
  key: string;
  /** The tie that put the actor in the chain's episode (its earliest in the episode). */
  tie: ChainTie | null;
  /** How many actors the episode holds, and its span. */
  actors: number;
  start: string | null;
  end: string | null;
  windowHours: number;
}

class Groups {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  join(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

interface Episode {
  actors: Set<string>;
  start: string;
  end: string;
  /** Earliest tie per actor inside the episode. */
  first: Map<string, ChainTie>;
}

/** Keeps each actor's earliest time per tie (the scan meets them in file order). */
export function addTie(ties: Map<string, ChainTie[]>, key: string, tie: ChainTie): void {
  const list = ties.get(key) ?? [];
  const old = list.find((t) => t.id === tie.id);
  if (!old) list.push(tie);
  else if (tie.time < old.time) {
    old.time = tie.time;
    old.label = tie.label;
  }
  ties.set(key, list);
}

export function choosePatientZero(actors: readonly LinkActor[], windowHours: number = DEFAULT_CHAIN_WINDOW_HOURS): ChainChoice | null {
  const windowMs = windowHours * 3600_000;
  const groups = new Groups();
  const owner = new Map<string, string>();
  for (const a of actors) {
    for (const t of a.ties) {
      const seen = owner.get(t.id);
      if (seen) groups.join(a.key, seen);
      else owner.set(t.id, a.key);
    }
  }
  const byChain = new Map<string, { actor: string; tie: ChainTie }[]>();
  for (const a of actors) {
    for (const t of a.ties) {
      const root = groups.find(a.key);
      byChain.set(root, [...(byChain.get(root) ?? []), { actor: a.key, tie: t }]);
    }
  }
  let best: Episode | null = null;
  for (const acts of byChain.values()) {
    acts.sort((x, y) => x.tie.time.localeCompare(y.tie.time));
    let ep: Episode | null = null;
    for (const { actor, tie } of acts) {
      if (!ep || Date.parse(tie.time) - Date.parse(ep.end) > windowMs) {
        if (ep && better(ep, best)) best = ep;
        ep = { actors: new Set(), start: tie.time, end: tie.time, first: new Map() };
      }
      ep.actors.add(actor);
      ep.end = tie.time;
      if (!ep.first.has(actor)) ep.first.set(actor, tie);
    }
    if (ep && better(ep, best)) best = ep;
  }
  const ordered = [...actors].sort((a, b) => a.first.localeCompare(b.first) || a.key.localeCompare(b.key));
  if (!best) {
    const first = ordered[0];
    return first ? { key: first.key, tie: null, actors: 0, start: null, end: null, windowHours } : null;
  }
  const chosen = ordered.find((a) => best!.actors.has(a.key))!;
  return { key: chosen.key, tie: best.first.get(chosen.key)!, actors: best.actors.size, start: best.start, end: best.end, windowHours };
}

/** More actors, then the earlier episode (infections that share nothing: the first one). */
function better(ep: Episode, best: Episode | null): boolean {
  if (!best) return true;
  if (ep.actors.size !== best.actors.size) return ep.actors.size > best.actors.size;
  return ep.start < best.start;
}

/** "tied to the chain by payload http://… at 2026-…Z (shared by 3 hosts; chain activity … – …, window 24 h)". */
export function chainReason(c: ChainChoice): string {
  if (!c.tie) return '';
  const span = c.start === c.end
    ? said('pz.spanAt', { time: c.start! }, `chain activity at ${c.start}`)
    : said('pz.span', { from: c.start!, to: c.end! }, `chain activity ${c.start} – ${c.end}`);
  const params = { tie: asParam(c.tie.label), time: c.tie.time, hosts: c.actors, span: span.coded, hours: c.windowHours };
  return c.actors > 1
    ? say('pz.linkShared', params, `tied to the chain by ${c.tie.label} at ${c.tie.time} (shared by ${c.actors} hosts; ${span.text}, window ${c.windowHours} h)`)
    : say('pz.link', params, `tied to the chain by ${c.tie.label} at ${c.tie.time} (${span.text}, window ${c.windowHours} h)`);
}
