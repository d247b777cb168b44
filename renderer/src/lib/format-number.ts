// A fixed locale keeps numbers identical for every analyst and in screenshots of the UI.
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1048576 -> "1,048,576". */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? integer.format(n) : '—';
}
