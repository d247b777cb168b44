// Small value helpers every format module needs when filling normalized fields.

/** Last segment of a Windows or POSIX path ("c:\\windows\\notepad.exe" -> "notepad.exe"). */
export function baseName(path: string): string {
  let i = path.length - 1;
  for (; i >= 0; i--) {
    const c = path.charCodeAt(i);
    if (c === 92 /* \ */ || c === 47 /* / */) break;
  }
  return path.slice(i + 1);
}

/**
 * A whole number from a number or a decimal string (sources such as the Carbon
 * Black bus write "49" as often as 49); undefined for anything else.
 */
export function toInt(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? v : undefined;
  if (typeof v !== 'string' || v.length === 0 || v.length > 16) return undefined;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if ((c < 48 || c > 57) && !(i === 0 && c === 45 && v.length > 1)) return undefined;
  }
  return Number(v);
}

/** A non-empty string, or undefined (for numbers: their decimal text). */
export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.length > 0 ? v : undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/**
 * Set a key on a plain object even when the key is "__proto__": a plain
 * assignment would change the object's prototype and silently drop the value,
 * and hostile logs do carry such keys.
 */
export function setField(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}
