// extra handed over as its members rather than as one JSON text (Defender rows: their kept
// cells). The ingest encodes the members straight into the compact form (store/extra/); the
// JSON text, where something still needs it (encoding off, a file past its shape limit, the
// import scope's indicator test), is written from them and is byte for byte the text the
// format wrote before: JSON.stringify of the same flat object.
import type { ParsedEvent } from './types';

/** A value other than a string, as its JSON text. */
export interface JsonValue {
  readonly json: string;
}

export interface ExtraMembers {
  /** Each member's key as it stands in the text, `"Key":` (a key needing no escapes). */
  readonly keys: string[];
  /**
   * Each member's value: a string (its text is JSON.stringify's: most need no escapes, and
   * the encoder tests for them only where a value is new), or anything else as its JSON text.
   */
  readonly values: (string | JsonValue)[];
}

/**
 * The members' JSON object text, with `action_original` first when given (as the ingest
 * writes it beside a normalized action); "{}" has no member, so neither does the result.
 */
export function extraMembersJson(m: ExtraMembers, actionOriginal?: string): string {
  let text = actionOriginal === undefined ? '' : `"action_original":${JSON.stringify(actionOriginal)}`;
  const { keys, values } = m;
  for (let i = 0; i < keys.length; i++) {
    const v = values[i]!;
    if (text.length > 0) text += ',';
    text += keys[i]!;
    text += typeof v === 'string' ? JSON.stringify(v) : v.json;
  }
  return `{${text}}`;
}

/** An event's extra as its JSON text, whichever way the format handed it over. */
export function extraTextOf(e: ParsedEvent): string | undefined {
  if (e.extraMembers !== undefined) return extraMembersJson(e.extraMembers);
  if (e.extraJson !== undefined) return e.extraJson;
  return e.extra === undefined ? undefined : JSON.stringify(e.extra);
}
