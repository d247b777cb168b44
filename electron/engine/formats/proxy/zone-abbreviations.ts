// Time zone abbreviations as tools such as plaso (pytz tzname()) write them next to a
// wall-clock time. An abbreviation names the offset in effect at that instant ("CEST" =
// +02:00), so it is read as that fixed offset, not as a zone with DST rules. Ambiguous ones
// (CST: US Central, China or Cuba; IST: India, Ireland or Israel; ...) are left out on
// purpose: guessing would silently shift events by hours.

const OFFSETS: Readonly<Record<string, number>> = {
  UTC: 0, GMT: 0, Z: 0, WET: 0,
  WEST: 60, CET: 60, MET: 60, BST: 60,
  CEST: 120, MEST: 120, EET: 120, SAST: 120,
  EEST: 180, MSK: 180,
  PKT: 300,
  WIB: 420,
  HKT: 480, AWST: 480, SGT: 480, PHT: 480,
  JST: 540, KST: 540,
  ACST: 570, ACDT: 630,
  AEST: 600, AEDT: 660,
  NZST: 720, NZDT: 780,
  HST: -600, AKST: -540, AKDT: -480,
  PST: -480, PDT: -420, MST: -420, MDT: -360,
  EST: -300, EDT: -240, NST: -210, NDT: -150,
};

/** Minutes east of UTC for an unambiguous abbreviation, else undefined. */
export function abbreviationOffset(abbreviation: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(OFFSETS, abbreviation) ? OFFSETS[abbreviation] : undefined;
}
