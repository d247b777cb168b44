// Time expressions in questions, Japanese and English: dates, clock times, ranges ("from 9:10
// to 9:20", "9時10分から9時20分"), open ranges ("after 9:10", "10時以降"), windows ("前後5分",
// "within 5 minutes of 00:12"), days relative to the case ("yesterday" = the day before the
// case's last day), and zones (JST/日本時間, UTC, +09:00, IANA names; the case zone otherwise).
// Ranges are half-open [from, to) in UTC ms. What was read is blanked out of the question so
// the rest of the parser never sees "10" of "10月" as a number.
import { isValidTimeZone, parseOffsetMinutes } from '../time/zone';
import { addDays, dayIn, instant, sameOrBefore, type Ymd } from './zoned';

export interface TimeRange {
  from: number | null;
  to: number | null;
  /** Zone the question's wall times were read in. */
  zone: string;
  /** How the range was read ("window ±5 min around ..."), for the why line. */
  note: string | null;
}

export interface TimeContext {
  zone: string;
  first: string | null;
  last: string | null;
}

interface Point {
  start: number;
  end: number;
  date: Ymd | null;
  /** hour, minute, second; null for a date alone. */
  clock: [number, number, number] | null;
  precision: 'day' | 'hour' | 'minute' | 'second';
  zone: string | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const month = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

const ZONES: [RegExp, string][] = [
  [/[(（]?\s*(?:日本時間|日本標準時|JST|Japan(?:ese)? (?:standard )?time|Tokyo time)\s*[)）]?/gi, 'Asia/Tokyo'],
  [/[(（]?\s*(?:協定世界時|UTC|GMT)(?![+-]\d)\s*[)）]?/gi, 'UTC'],
  [/[(（]?\s*(?:UTC|GMT)\s*([+-]\d{1,2}(?::?\d{2})?)\s*[)）]?/gi, 'OFFSET'],
  [/(?<![\d:])([+-]\d{2}:\d{2})(?!\d)/g, 'OFFSET'],
  [/\b([A-Z][a-z]+\/[A-Z][A-Za-z_]+)\b/g, 'IANA'],
  [/[(（]?\s*(?:local time|case time|現地時間|ローカル時間)\s*[)）]?/gi, 'CASE'],
];

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

/** Removes zone words; returns the zone they name (or null). */
function takeZone(q: string, caseZone: string): { q: string; zone: string | null } {
  let zone: string | null = null;
  for (const [re, kind] of ZONES) {
    q = q.replace(re, (m: string, g1?: string) => {
      let z: string | null = kind;
      if (kind === 'OFFSET') z = parseOffsetMinutes(String(g1)) === null ? null : `UTC${String(g1)}`.replace(/^UTC/, '');
      if (kind === 'IANA') z = isValidTimeZone(String(g1)) ? String(g1) : null;
      if (kind === 'CASE') z = caseZone;
      if (z === null) return m;
      if (kind === 'OFFSET') z = normalizeOffset(z);
      zone ??= z;
      return ' '.repeat(m.length);
    });
  }
  return { q, zone };
}

function normalizeOffset(text: string): string {
  const minutes = parseOffsetMinutes(text)!;
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

interface Found {
  start: number;
  end: number;
  date?: Ymd | null;
  clock?: [number, number, number];
  precision?: Point['precision'];
  zone?: string | null;
  yearless?: boolean;
}

const DATE_PATTERNS: { re: RegExp; read(m: RegExpExecArray): { y: number | null; mo: number; d: number } }[] = [
  { re: /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g, read: (m) => ({ y: +m[1]!, mo: +m[2]!, d: +m[3]! }) },
  { re: /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/g, read: (m) => ({ y: m[1] ? +m[1] : null, mo: +m[2]!, d: +m[3]! }) },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}\\.?,?(?:\\s+(\\d{4}))?\\b`, 'gi'), read: (m) => ({ y: m[3] ? +m[3] : null, mo: month(m[2]!), d: +m[1]! }) },
  { re: new RegExp(`\\b${MONTH_RE}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b,?(?:\\s+(\\d{4}))?`, 'gi'), read: (m) => ({ y: m[3] ? +m[3] : null, mo: month(m[1]!), d: +m[2]! }) },
  { re: /(?<![\d./:])(\d{1,2})\/(\d{1,2})(?![\d/])/g, read: (m) => ({ y: null, mo: +m[1]!, d: +m[2]! }) },
];

const CLOCK_PATTERNS: { re: RegExp; read(m: RegExpExecArray): { h: number; mi: number; s: number; p: Point['precision']; z?: string | null } | null }[] = [
  {
    // 00:10, 9:10:30.5, 9:10pm, 00:10Z, 09:10+09:00
    re: /(?<![\d.:])(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?!\d)\s*(am|pm|a\.m\.|p\.m\.)?(Z(?![a-z])|[+-]\d{2}:?\d{2})?/gi,
    read: (m) => {
      const h = ampm(+m[1]!, m[4]);
      const z = m[5] ? (m[5].toUpperCase() === 'Z' ? 'UTC' : normalizeOffset(m[5])) : null;
      return { h, mi: +m[2]!, s: m[3] ? +m[3] : 0, p: m[3] ? 'second' : 'minute', z };
    },
  },
  {
    re: /(午前|午後)?\s*(\d{1,2})\s*時\s*(?:(\d{1,2})\s*分|(半))?\s*(?:(\d{1,2})\s*秒)?/g,
    read: (m) => {
      let h = +m[2]!;
      if (m[1] === '午後' && h < 12) h += 12;
      if (m[1] === '午前' && h === 12) h = 0;
      const mi = m[4] ? 30 : m[3] ? +m[3] : 0;
      return { h, mi, s: m[5] ? +m[5] : 0, p: m[5] ? 'second' : m[3] || m[4] ? 'minute' : 'hour' };
    },
  },
  { re: /\b(\d{1,2})\s*(am|pm|a\.m\.|p\.m\.)/gi, read: (m) => ({ h: ampm(+m[1]!, m[2]), mi: 0, s: 0, p: 'hour' }) },
  { re: /\b(noon|midday)\b|正午/gi, read: () => ({ h: 12, mi: 0, s: 0, p: 'minute' }) },
  { re: /\bmidnight\b|深夜0時/gi, read: () => ({ h: 0, mi: 0, s: 0, p: 'minute' }) },
];

function ampm(h: number, suffix: string | undefined): number {
  if (!suffix) return h;
  const pm = /^p/i.test(suffix);
  if (h === 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

function findAll(q: string): { q: string; found: Found[] } {
  const found: Found[] = [];
  for (const { re, read } of DATE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(q); m; m = re.exec(q)) {
      const r = read(m);
      if (r.mo < 1 || r.mo > 12 || r.d < 1 || r.d > 31) continue;
      found.push({ start: m.index, end: m.index + m[0].length, date: { year: r.y ?? 0, month: r.mo, day: r.d }, yearless: r.y === null, precision: 'day' });
      q = blank(q, m.index, m.index + m[0].length);
    }
  }
  for (const { re, read } of CLOCK_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(q); m; m = re.exec(q)) {
      const r = read(m);
      if (!r || r.h > 24 || r.mi > 59 || r.s > 59) continue;
      found.push({ start: m.index, end: m.index + m[0].length, clock: [r.h, r.mi, r.s], precision: r.p, zone: r.z ?? null });
      q = blank(q, m.index, m.index + m[0].length);
    }
  }
  found.sort((a, b) => a.start - b.start);
  return { q, found };
}

/** Dates directly followed (or preceded) by a clock time are one point; other dates stand alone. */
function points(found: Found[], original: string): { points: Point[]; loneDates: Found[] } {
  const out: Point[] = [];
  const lone: Found[] = [];
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!;
    const next = found[i + 1];
    const glue = (a: Found, b: Found): boolean => /^[\s,、の]*(?:at|T|@)?[\s,、の]*$/i.test(original.slice(a.end, b.start));
    if (f.date && next?.clock && glue(f, next)) {
      out.push({ start: f.start, end: next.end, date: f.date, clock: next.clock, precision: next.precision!, zone: next.zone ?? null });
      i++;
    } else if (f.clock && next?.date && !found[i + 2]?.clock && /^[\s,]*on[\s]*$/i.test(original.slice(f.end, next.start)) && out.length === 0) {
      // "00:10 on 5 October": the date belongs to the time; ranges handle "A and B on D" below.
      out.push({ start: f.start, end: next.end, date: next.date, clock: f.clock, precision: f.precision!, zone: f.zone ?? null });
      i++;
    } else if (f.date) {
      lone.push(f);
    } else {
      out.push({ start: f.start, end: f.end, date: null, clock: f.clock!, precision: f.precision!, zone: f.zone ?? null });
    }
  }
  return { points: out, loneDates: lone };
}

const RELATIVE: [RegExp, (ctx: RelCtx, m: RegExpExecArray) => [number, number] | null][] = [
  [/\b(?:in\s+)?the\s+day\s+before\s+yesterday\b|一昨日|おととい/gi, (c) => c.day(-2)],
  [/\byesterday\b|昨日|きのう|前日/gi, (c) => c.day(-1)],
  [/\btoday\b|今日|本日|当日/gi, (c) => c.day(0)],
  [
    /\b(?:in\s+)?(?:the\s+)?(?:last|past|final)\s+(\d+)\s*(minutes?|mins?|hours?|hrs?|days?)\b|(?:直近|最後の|過去|最終)\s*(\d+)\s*(分間?|時間|日間?)/gi,
    (c, m) => {
      const n = Number(m[1] ?? m[3]);
      const unit = (m[2] ?? m[4] ?? '').toLowerCase();
      const ms = /^(h|時)/.test(unit) ? 3600000 : /^(d|日)/.test(unit) ? 86400000 : 60000;
      return c.lastMs === null ? null : [c.lastMs - n * ms, c.lastMs + 1];
    },
  ],
];

interface RelCtx {
  lastMs: number | null;
  day(offset: number): [number, number] | null;
}

const AFTER_BEFORE = /^\s*(?:after|since|from|starting(?:\s+at)?|later than)\s*$/i;
const BEFORE_BEFORE = /^\s*(?:before|until|till|up\s+to|prior\s+to|earlier\s+than|by)\s*$/i;
const AFTER_JA = /^\s*(?:以降|以後|より後|よりあと|から|過ぎ|すぎ|の後|のあと)/;
const BEFORE_JA = /^\s*(?:以前|より前|まで|の前|前(?!後))/;
const WINDOW_AFTER = /^\s*(?:の)?\s*(?:前後|±|\+\/-|plus or minus)\s*(\d+)\s*(分|秒|時間|min(?:ute)?s?|sec(?:ond)?s?|hours?)/i;
const WINDOW_BEFORE = /(?:within|±|\+\/-|plus or minus)\s*(\d+)\s*(min(?:ute)?s?|sec(?:ond)?s?|hours?)\s*(?:either\s+side\s+)?(?:of|around|from)?\s*$|(\d+)\s*(min(?:ute)?s?|sec(?:ond)?s?|hours?)\s+(?:either\s+side\s+of|around|before\s+and\s+after)\s*$/i;
const AROUND = /(?:around|about|approximately|circa|near)\s*$|^\s*(?:頃|ごろ|前後|くらい|ぐらい)/i;
const RANGE_GAP = /^\s*(?:to|till|until|and|through|[-–—~〜～]|から|より)\s*$|^\s*から\s*$/i;

function unitMs(u: string): number {
  if (/^(h|時)/i.test(u)) return 3600000;
  if (/^(s|秒)/i.test(u)) return 1000;
  return 60000;
}

function pointSpan(p: Point): number {
  return p.precision === 'day' ? 86400000 : p.precision === 'hour' ? 3600000 : p.precision === 'minute' ? 60000 : 1000;
}

/**
 * Reads the time part of a question. Returns the range (or null when the question names no
 * time) and the question with the time words blanked.
 */
export function readTime(question: string, ctx: TimeContext): { range: TimeRange | null; rest: string } {
  const zoneTaken = takeZone(question, ctx.zone);
  let q = zoneTaken.q;
  const zone = zoneTaken.zone ?? ctx.zone;
  const lastMs = ctx.last ? Date.parse(ctx.last) : null;
  const firstMs = ctx.first ? Date.parse(ctx.first) : null;
  const rel: RelCtx = {
    lastMs,
    day(offset) {
      if (lastMs === null) return null;
      const d = addDays(dayIn(lastMs, zone), offset);
      return [instant(d, 0, 0, 0, 0, zone), instant(addDays(d, 1), 0, 0, 0, 0, zone)];
    },
  };
  let relRange: [number, number] | null = null;
  let relNote: string | null = null;
  for (const [re, fn] of RELATIVE) {
    re.lastIndex = 0;
    const m = re.exec(q);
    if (!m) continue;
    relRange = fn(rel, m);
    relNote = m[0].trim();
    q = blank(q, m.index, m.index + m[0].length);
    break;
  }
  const scanned = findAll(q);
  const { points: pts, loneDates } = points(scanned.found, q);
  if (pts.length === 0 && loneDates.length === 0 && !relRange) return { range: null, rest: q };
  const yearOf = (d: Ymd, yearless?: boolean): Ymd => (yearless || d.year === 0 ? { ...d, year: firstMs !== null ? dayIn(firstMs, zone).year : new Date().getUTCFullYear() } : d);
  const sharedDate = loneDates[0] ? yearOf(loneDates[0].date!, loneDates[0].yearless) : null;
  const rest = consume(q, [...pts, ...loneDates].sort((x, y) => x.start - y.start));

  // Days only: one day, or a range of days.
  if (pts.length === 0) {
    if (relRange && loneDates.length === 0) return { range: { from: relRange[0], to: relRange[1], zone, note: relNote }, rest };
    const d1 = sharedDate!;
    const d2 = loneDates[1] ? yearOf(loneDates[1].date!, loneDates[1].yearless) : d1;
    const gap = loneDates[1] ? q.slice(loneDates[0]!.end, loneDates[1].start) : '';
    const span = loneDates[1] && RANGE_GAP.test(gap) ? d2 : d1;
    const from = instant(d1, 0, 0, 0, 0, zone);
    const to = instant(addDays(span, 1), 0, 0, 0, 0, zone);
    return { range: openEnds(q, loneDates[0]!, loneDates[loneDates.length - 1]!, from, to, zone, null), rest };
  }

  // Which day a date-less clock time is on: the day a relative word or a date gives, else the
  // first day of the case on which that time falls inside the case's span.
  const relDay = relRange ? dayIn(relRange[0], zone) : null;
  const resolve = (p: Point, ref: Ymd | null): number => {
    const [h, mi, s] = p.clock!;
    const pz = p.zone ?? zone;
    const date = p.date ? yearOf(p.date) : ref;
    if (date) return instant(date, h, mi, s, 0, pz);
    if (firstMs === null || lastMs === null) return instant(dayIn(Date.now(), pz), h, mi, s, 0, pz);
    const lastDay = dayIn(lastMs, pz);
    for (let d = dayIn(firstMs, pz), n = 0; sameOrBefore(d, lastDay) && n < 400; d = addDays(d, 1), n++) {
      const t = instant(d, h, mi, s, 0, pz);
      if (t + pointSpan(p) > firstMs && t <= lastMs) return t;
    }
    return instant(dayIn(firstMs, pz), h, mi, s, 0, pz);
  };
  const ref = sharedDate ?? relDay;
  const a = pts[0]!;
  const aMs = resolve(a, ref);
  const usedZone = a.zone ?? zone;

  if (pts.length >= 2) {
    const b = pts[1]!;
    const between = q.slice(a.end, b.start);
    if (RANGE_GAP.test(between) || /between/i.test(q.slice(Math.max(0, a.start - 12), a.start))) {
      let bMs = resolve(b, b.date ? null : a.date ? yearOf(a.date) : ref ?? dayIn(aMs, b.zone ?? usedZone));
      if (bMs <= aMs && !b.date) bMs += 86400000; // "23:50 to 00:10" crosses midnight
      return { range: { from: aMs, to: bMs, zone: usedZone, note: null }, rest };
    }
  }
  const before = q.slice(Math.max(0, a.start - 40), a.start);
  const after = q.slice(a.end, a.end + 20);
  const win = WINDOW_AFTER.exec(after) ?? WINDOW_BEFORE.exec(before);
  if (win) {
    const n = Number(win[1] ?? win[3]);
    const w = n * unitMs(String(win[2] ?? win[4]));
    return { range: { from: aMs - w, to: aMs + w, zone: usedZone, note: `±${win[1] ?? win[3]} ${/^(h|時)/i.test(String(win[2] ?? win[4])) ? 'h' : /^(s|秒)/i.test(String(win[2] ?? win[4])) ? 's' : 'min'}` }, rest };
  }
  if (AROUND.test(before) || AROUND.test(after)) {
    return { range: { from: aMs - 300000, to: aMs + 300000, zone: usedZone, note: '±5 min' }, rest };
  }
  if (/^\s*台/.test(after)) {
    return { range: { from: aMs, to: aMs + 3600000, zone: usedZone, note: null }, rest };
  }
  return { range: openEnds(q, a, a, aMs, aMs + pointSpan(a), usedZone, null), rest };
}

/** "after A" / "A以降" opens the end; "before A" / "Aまで" opens the start; otherwise [from, to). */
function openEnds(q: string, first: { start: number }, last: { end: number }, from: number, to: number, zone: string, note: string | null): TimeRange {
  const before = q.slice(Math.max(0, first.start - 20), first.start).replace(/\b(on|at|the)\s*$/i, '').replace(/\s+$/, ' ');
  const lastWord = /(\S+(?:\s+(?:to|than|at))?)\s*$/.exec(before)?.[1] ?? '';
  const after = q.slice(last.end, last.end + 8);
  if (AFTER_BEFORE.test(lastWord) || AFTER_JA.test(after)) return { from, to: null, zone, note };
  if (BEFORE_BEFORE.test(lastWord) || BEFORE_JA.test(after)) return { from: null, to: from, zone, note };
  return { from, to, zone, note };
}

const TAIL = /^[\s,、]*(?:の\s*)?(?:前後\s*\d+\s*(?:分間?|秒|時間)|[±]\s*\d+\s*(?:分|秒|時間|min(?:ute)?s?|sec(?:ond)?s?|hours?)|\+\/-\s*\d+\s*\w+|以降|以後|より後|よりあと|より前|以前|まで|から|頃|ごろ|前後|台|過ぎ|すぎ|の間|の後|のあと|の前|前(?!後))*/i;
const HEAD = /(?:\b(?:between|from|after|since|before|until|till|at|on|around|about|by|starting|later than|earlier than|prior to|up to|within\s+\d+\s*(?:min(?:ute)?s?|sec(?:ond)?s?|hours?)\s+(?:either side\s+)?of|(?<![\w-])\d+\s*(?:min(?:ute)?s?|sec(?:ond)?s?|hours?)\s+(?:either side of|around|before and after)|and|to|through)\b[\s,]*)+$/i;

/** Blanks what was read as time, with the connectors around it ("between", "以降", "前後5分"). */
function consume(q: string, found: { start: number; end: number }[]): string {
  let rest = q;
  for (const f of found) {
    rest = blank(rest, f.start, f.end);
    const tail = TAIL.exec(rest.slice(f.end));
    if (tail && tail[0].trim()) rest = blank(rest, f.end, f.end + tail[0].length);
    const head = HEAD.exec(rest.slice(0, f.start));
    if (head && head[0].trim()) rest = blank(rest, head.index, f.start);
  }
  return rest;
}
