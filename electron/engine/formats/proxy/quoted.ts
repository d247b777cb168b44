// Quoted fields in space-separated web logs (NCSA, ELFF). Apache (>= 2.0.46) and nginx
// escape '"' inside quoted fields as \" or \x22, so a quote preceded by a backslash does
// not close the field; older servers and hostile requests can still leave a bare '"'
// inside, so a closing quote must also be followed by a space or the end of the line.

/**
 * Index of the quote closing a field whose opening quote is at `open`, searching from
 * `from` (> open); -1 when the line ends first (a cut-off record).
 */
export function closingQuote(line: string, open: number, from = open + 1): number {
  // The next '"' by indexOf (a native scan), rather than a loop over every character of the
  // request, referrer and user agent: that loop was ~5% of the parse worker on a combined log.
  // A quote is escaped when an odd run of backslashes (counted from `from`) precedes it: the
  // same answer as reading backslash pairs left to right from `from`.
  const len = line.length;
  for (let i = line.indexOf('"', from); i !== -1; i = line.indexOf('"', i + 1)) {
    let backslashes = 0;
    for (let j = i - 1; j >= from && line.charCodeAt(j) === 92 /* \ */; j--) backslashes++;
    if ((backslashes & 1) === 1) continue;
    const next = i + 1 < len ? line.charCodeAt(i + 1) : 32;
    if (next === 32 || next === 9) return i;
  }
  return -1;
}

export function isDigits(s: string, min = 1, max = 15): boolean {
  if (s.length < min || s.length > max) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
