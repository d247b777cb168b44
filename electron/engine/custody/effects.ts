// The replay effects of custody actions, registered by the features that own them (tags and
// notes by custody/apply.ts, finding reviews and indicator files by detect/, saved mappings by
// the generic importer): custody itself knows no feature. The same effect runs when an action
// is taken and when the journal is replayed, so rows come out identical either way.
import {
  CUSTODY_ACTIONS,
  isKnownAction,
  type CustodyAction,
  type JournalEntry,
  type JournalEntryOf,
} from '../../common/custody-actions';
import type { CaseStore } from '../store/case-store';
import type { CustodyEntry } from './chain';

export type ReplayEffect<A extends CustodyAction> = (store: CaseStore, entry: JournalEntryOf<A>) => void;

// Stored untyped: registerReplayEffect pairs each effect with its own action's entry type.
const effects = new Map<CustodyAction, (store: CaseStore, entry: JournalEntry) => void>();

/** Registers what replaying `action` does to the case; one effect per action. */
export function registerReplayEffect<A extends CustodyAction>(action: A, effect: ReplayEffect<A>): void {
  if (CUSTODY_ACTIONS[action] !== 'state') throw new Error(`custody action ${action} is record-only; it has no effect to register`);
  const known = effects.get(action);
  if (known && known !== (effect as unknown)) throw new Error(`custody action ${action} has two replay effects`);
  effects.set(action, effect as unknown as (store: CaseStore, entry: JournalEntry) => void);
}

/** An action this version does not know: the case was written by a newer Tracelight. */
export class UnknownActionError extends Error {
  override name = 'CaseError';
  constructor(readonly action: string) {
    super(newerVersionReason(action));
  }
}

export function newerVersionReason(action: string): string {
  return `this case was written by a newer Tracelight (action ${action})`;
}

/** The entry with its details decoded; throws UnknownActionError for an unknown action. */
export function decodeEntry(e: CustodyEntry): JournalEntry {
  if (!isKnownAction(e.action)) throw new UnknownActionError(e.action);
  return { ...e, details: JSON.parse(e.details) } as JournalEntry;
}

/** Applies one entry's effect (nothing for record-only actions). */
export function applyEntry(store: CaseStore, e: CustodyEntry): void {
  const entry = decodeEntry(e);
  if (CUSTODY_ACTIONS[entry.action] === 'record') return;
  const effect = effects.get(entry.action);
  // Replaying without the effect would rebuild a different case than the one recorded.
  if (!effect) throw new Error(`no replay effect is loaded for custody action ${entry.action} (import its feature first)`);
  effect(store, entry);
}
