import { revealInvisibles } from './reveal-invisibles';

/**
 * The `extra` column (JSON text) indented for reading; text that is not JSON is shown as is.
 * Returns null when there is nothing worth showing.
 */
export function prettyJson(value: string | number | null): string | null {
  if (value === null) return null;
  const text = String(value).trim();
  if (!text) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return revealInvisibles(text, true);
  }
  if (parsed === null) return null;
  if (typeof parsed === 'object' && Object.keys(parsed).length === 0) return null;
  return revealInvisibles(JSON.stringify(parsed, null, 2), true);
}
