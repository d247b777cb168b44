/** A name safe on every file system, keeping Japanese and other letters. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    // Control characters are exactly what must go: they are invalid or dangerous in names.
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/^\.+/, '_')
    .trim()
    .slice(0, 120);
  return cleaned || 'unnamed';
}
