// Okabe-Ito colour-blind-safe palette. The ui engineer's renderer/src/lib/category-colours.ts
// (one colour per category for the grid stripe, histogram, facets and PDF) was not in this
// tree when the histogram was written; switch CATEGORY_COLOURS to it when merged.
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'] as const;

export const CATEGORY_COLOURS: Record<string, string> = {
  process: '#0072B2',
  network: '#56B4E9',
  dns: '#56B4E9',
  web: '#009E73',
  firewall: '#D55E00',
  file: '#E69F00',
  registry: '#CC79A7',
  auth: '#F0E442',
  alert: '#000000',
  other: '#999999',
};

export function stackColour(stack: 'category' | 'source', key: string, index: number): string {
  if (stack === 'category') return CATEGORY_COLOURS[key] ?? '#999999';
  return OKABE_ITO[index % OKABE_ITO.length]!;
}
