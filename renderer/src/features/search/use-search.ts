import { useCallback, useMemo, useRef, useState } from 'react';
import { useClient } from '../../client/connection-context';
import { errorMessage } from '../../client/engine-error';
import { clauseFor, composeQuery, type Chip } from './query-text';
import { back, current, EMPTY_HISTORY, forward, push } from './search-history';

export interface QueryProblem {
  /** The engine's words (English); code/vars say it in the UI's language when known. */
  message: string;
  code?: string;
  vars?: Record<string, string>;
  /** 1-based column in `text`. */
  column: number;
  text: string;
}

export interface SearchState {
  chips: readonly Chip[];
  /** The engine's query: switched-on chips ANDed. */
  query: string;
  problem: QueryProblem | null;
  canBack: boolean;
  canForward: boolean;
  /** Parses text into chips added to the current ones; false (and a problem) when it cannot. */
  addText(text: string): Promise<boolean>;
  /** Replaces one chip by the clauses of new text. */
  editChip(id: number, text: string): Promise<boolean>;
  toggle(id: number): void;
  invert(id: number): void;
  remove(id: number): void;
  clear(): void;
  /** Filter in (negate false) or out: `field:"value"`; the opposite chip, if any, gives way. */
  addClause(field: string, value: string | number | null, negate: boolean): void;
  /** Runs a saved query: its clauses replace the chips. */
  replaceWith(text: string): Promise<boolean>;
  back(): void;
  forward(): void;
  clearProblem(): void;
}

export function useSearch(): SearchState {
  const client = useClient();
  const [history, setHistory] = useState(EMPTY_HISTORY);
  const [problem, setProblem] = useState<QueryProblem | null>(null);
  const nextId = useRef(1);
  const chips = current(history);

  const commit = useCallback((next: readonly Chip[]) => setHistory((h) => push(h, next)), []);

  /** The engine splits text into clauses; the UI never parses the language itself. */
  const parse = useCallback(
    async (text: string): Promise<Chip[] | null> => {
      try {
        const r = await client.call('search.parse', { query: text });
        if (!r.ok) {
          setProblem({ message: r.message, code: r.code, vars: r.vars, column: r.column, text });
          return null;
        }
        setProblem(null);
        return r.clauses.map((c) => ({ id: nextId.current++, text: c.text, enabled: true, negated: c.negated }));
      } catch (err) {
        setProblem({ message: errorMessage(err), column: 1, text });
        return null;
      }
    },
    [client],
  );

  const addText = useCallback(
    async (text: string) => {
      if (!text.trim()) return true;
      const added = await parse(text);
      if (!added) return false;
      setHistory((h) => push(h, [...current(h), ...added]));
      return true;
    },
    [parse],
  );

  const replaceWith = useCallback(
    async (text: string) => {
      const added = await parse(text);
      if (!added) return false;
      commit(added);
      return true;
    },
    [parse, commit],
  );

  const editChip = useCallback(
    async (id: number, text: string) => {
      const replaced = text.trim() ? await parse(text) : [];
      if (!replaced) return false;
      setHistory((h) => {
        const list = current(h);
        const i = list.findIndex((c) => c.id === id);
        if (i < 0) return h;
        const negated = list[i]!.negated;
        const next = replaced.map((c) => (replaced.length === 1 ? { ...c, negated: c.negated !== negated } : c));
        return push(h, [...list.slice(0, i), ...next, ...list.slice(i + 1)]);
      });
      return true;
    },
    [parse],
  );

  const change = useCallback(
    (id: number, fn: (c: Chip) => Chip | null) =>
      setHistory((h) => push(h, current(h).flatMap((c) => (c.id === id ? (fn(c) ?? []) : [c])))),
    [],
  );

  const addClause = useCallback((field: string, value: string | number | null, negate: boolean) => {
    const text = clauseFor(field, value);
    setProblem(null);
    setHistory((h) => {
      // Filtering out what was filtered in (or the reverse) replaces that chip.
      const kept = current(h).filter((c) => c.text !== text);
      return push(h, [...kept, { id: nextId.current++, text, enabled: true, negated: negate }]);
    });
  }, []);

  const query = useMemo(() => composeQuery(chips), [chips]);
  return {
    chips,
    query,
    problem,
    canBack: history.at > 0,
    canForward: history.at < history.steps.length - 1,
    addText,
    editChip,
    toggle: (id) => change(id, (c) => ({ ...c, enabled: !c.enabled })),
    invert: (id) => change(id, (c) => ({ ...c, negated: !c.negated, enabled: true })),
    remove: (id) => change(id, () => null),
    clear: () => commit([]),
    addClause,
    replaceWith,
    back: () => setHistory(back),
    forward: () => setHistory(forward),
    clearProblem: () => setProblem(null),
  };
}
