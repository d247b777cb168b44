// One colour per event category, the same in the grid stripe, the facets and the histogram.
// Colours are Okabe & Ito's colour-blind-safe set ("Color Universal Design", 2008): seven
// chromatic colours plus black. The schema has ten categories, so the two that carry the least
// meaning of their own take neutral tones that differ in lightness (which every form of colour
// vision sees): `alert` the palette's black (drawn white on the dark theme, where black would
// vanish) and `other` a mid grey. Import from here; never write a category colour elsewhere.
import type { EVENT_CATEGORIES } from '../contracts';

type EventCategory = (typeof EVENT_CATEGORIES)[number];

export type Theme = 'light' | 'dark';

/** The eight Okabe-Ito colours, by their published names. */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

const NEUTRAL_GREY = '#999999';

const BY_CATEGORY: Record<EventCategory, string> = {
  process: OKABE_ITO.blue,
  network: OKABE_ITO.skyBlue,
  web: OKABE_ITO.bluishGreen,
  dns: OKABE_ITO.yellow,
  file: OKABE_ITO.orange,
  registry: OKABE_ITO.reddishPurple,
  firewall: OKABE_ITO.vermillion,
  auth: NEUTRAL_GREY,
  alert: OKABE_ITO.black,
  other: '#C8C8C8',
};

const DARK_OVERRIDES: Partial<Record<EventCategory, string>> = {
  alert: '#FFFFFF',
  other: '#6E6E6E',
};

/** Known categories in display order (the schema's order). */
export const CATEGORY_ORDER = Object.keys(BY_CATEGORY) as EventCategory[];

function isCategory(value: string): value is EventCategory {
  return Object.prototype.hasOwnProperty.call(BY_CATEGORY, value);
}

/** The colour of `category` (any unknown value is drawn as `other`). */
export function categoryColour(category: string | null | undefined, theme: Theme = 'light'): string {
  const key: EventCategory = category && isCategory(category) ? category : 'other';
  return (theme === 'dark' ? DARK_OVERRIDES[key] : undefined) ?? BY_CATEGORY[key];
}

/** Every category's colour for one theme (for a chart legend or CSS variables). */
export function categoryPalette(theme: Theme = 'light'): Record<EventCategory, string> {
  const out = {} as Record<EventCategory, string>;
  for (const category of CATEGORY_ORDER) out[category] = categoryColour(category, theme);
  return out;
}
