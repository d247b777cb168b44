// A command line cut into the pieces a reader scans: one argument per line, broken at spaces
// and at commas (rundll32 "x.dll,DllRegisterServer", PowerShell arrays), never inside double
// quotes, so "C:\Program Files\App\a.exe" stays one piece. Every character of the input is
// kept, in order: joining the pieces gives the command line back exactly.

export function commandLineParts(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === ' ') {
      // Runs of spaces stay with the piece before them, so joining gives them back.
      if (current === '' && parts.length > 0) parts[parts.length - 1] += ch;
      else if (current.trim() === '') current += ch;
      else {
        parts.push(current + ch);
        current = '';
      }
      continue;
    }
    current += ch;
    if (!quoted && ch === ',') {
      parts.push(current);
      current = '';
    }
  }
  if (current) parts.push(current);
  return parts;
}
