// How a handler's error travels to the page: its name and English message as always, and its
// code (common/coded-text.ts) when the thrower gave one, so the UI can show it in its language.
// One function, called where the response envelope is built (dispatcher.ts).
import type { SerializedError } from '../../common/protocol';
import { codeOf } from '../coded-error';

export function serializeError(err: unknown): SerializedError {
  const e = err as Error | null | undefined;
  const coded = codeOf(err);
  return { name: e?.name ?? 'Error', message: e?.message ?? String(err), ...(coded ? { code: coded } : {}) };
}
