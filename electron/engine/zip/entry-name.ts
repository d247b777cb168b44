// Names of entries inside a zip, read (untrusted) and written (ours). A zip entry name is
// a path someone else chose: "../../.bashrc", "/etc/passwd", "C:\Windows\x.dll" and
// "a\..\..\b" all occur in hostile archives (Zip Slip). Readers refuse them outright
// rather than "fixing" them, so an examiner sees exactly which entry was hostile.

/** Why a name read from a zip is refused, or null when it is a safe relative path. */
export function unsafeEntryNameReason(name: string): string | null {
  if (name.length === 0) return 'empty entry name';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control characters in the entry name';
  if (name.includes('\\')) return 'backslash in the entry name (a Windows path separator, possible traversal)';
  if (name.startsWith('/')) return 'absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'drive-letter path';
  if (name.split('/').includes('..')) return '".." path component (traversal outside the archive)';
  return null;
}

/**
 * One path component made safe to write into an archive (and to extract anywhere): NFC,
 * no separators, no control or reserved characters, no leading dots, bounded length.
 * Japanese and other letters are kept.
 */
export function safeEntryComponent(name: string, maxLength = 150): string {
  const cleaned = name
    .normalize('NFC')
    // Control characters and the characters Windows forbids in names: unsafe on some system.
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/^[.\s]+/, '_')
    .replace(/[.\s]+$/, '')
    .trim();
  // Cut by code points so a surrogate pair is never split in half.
  const cut = Array.from(cleaned).slice(0, maxLength).join('');
  return cut || 'unnamed';
}

/** A relative archive path from safe components ("data/evidence/E1_請求書.log"). */
export function safeEntryPath(...components: string[]): string {
  return components.map((c) => safeEntryComponent(c)).join('/');
}
