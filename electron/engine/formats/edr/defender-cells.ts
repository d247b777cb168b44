// One Defender row as the mapping reads it: values by position, with where each column the
// mapping knows sits worked out once per CSV header (per row for JSON objects, whose keys may
// differ row to row). A CSV export of 500k rows x 45 columns otherwise builds an object of
// 45 keys per row (dictionary mode in V8), looks 30 of them up by name and tracks the ones
// used in a Set: most of the ingest worker's time.
import type { CsvColumns } from '../csv';
import type { KeyText } from './defender-extra';

/** The columns the mapping reads; every other column only goes to extra. */
const NAMES = [
  'Timestamp', 'TimeGenerated', 'ActionType', 'DeviceName',
  'FolderPath', 'FileName', 'ProcessCommandLine', 'ProcessId', 'SHA256', 'SHA1', 'MD5',
  'InitiatingProcessFolderPath', 'InitiatingProcessFileName', 'InitiatingProcessCommandLine', 'InitiatingProcessId',
  'InitiatingProcessSHA256', 'InitiatingProcessSHA1', 'InitiatingProcessMD5', 'InitiatingProcessParentFileName',
  'AccountName', 'AccountDomain', 'AccountUpn', 'AccountDisplayName',
  'InitiatingProcessAccountName', 'InitiatingProcessAccountDomain', 'InitiatingProcessAccountUpn', 'InitiatingProcessAccountDisplayName',
  'LocalIP', 'LocalPort', 'RemoteIP', 'RemotePort', 'RemoteUrl',
  'RegistryKey', 'RegistryValueName', 'RegistryValueData', 'LogonType', 'AdditionalFields',
] as const;

export type ColumnName = (typeof NAMES)[number];

/** Number of each known column (C.DeviceName ...), an index into DefenderLayout.at. */
export const C = Object.fromEntries(NAMES.map((name, i) => [name, i])) as Record<ColumnName, number>;
const NUMBER = new Map<string, number>(NAMES.map((name, i) => [name, i]));

export interface DefenderLayout {
  /** Position in the row's values of each known column; -1 when the row lacks it. */
  readonly at: Int32Array;
  /** The row's keys in its own order (the order extra keeps them in) ... */
  readonly keys: readonly string[];
  /** ... the position of each one's value ... */
  readonly keyAt: Int32Array;
  /** ... and which known column each one is (-1: none). */
  readonly keyColumn: Int32Array;
  /** Each key's text in extra's JSON, filled in when first needed. */
  readonly keyText: (KeyText | undefined)[];
}

function layout(keys: readonly string[], keyAt: Int32Array): DefenderLayout {
  const at = new Int32Array(NAMES.length).fill(-1);
  const keyColumn = new Int32Array(keys.length).fill(-1);
  for (let k = 0; k < keys.length; k++) {
    const c = NUMBER.get(keys[k]!);
    if (c === undefined) continue;
    keyColumn[k] = c;
    at[c] = keyAt[k]!;
  }
  return { at, keys, keyAt, keyColumn, keyText: new Array<KeyText | undefined>(keys.length) };
}

/** The layout of every row of a CSV export, from its header. */
export function csvLayout(columns: CsvColumns): DefenderLayout {
  return layout(columns.keys, columns.keyField);
}

/** A row being mapped. */
export interface DefenderCells {
  layout: DefenderLayout;
  values: ArrayLike<unknown>;
  /**
   * The known columns a normalized field took (extra leaves those out): those whose entry is
   * `row`, a number each row gets anew, so that nothing needs clearing between rows.
   */
  readonly used: Uint32Array;
  row: number;
}

export function newCells(l: DefenderLayout): DefenderCells {
  return { layout: l, values: [], used: new Uint32Array(NAMES.length), row: 1 };
}

/** The next row of the same layout. */
export function nextRow(r: DefenderCells, values: ArrayLike<unknown>): void {
  r.values = values;
  // After 2^32 - 1 rows the numbers start over, from a cleared table.
  if (++r.row === 2 ** 32) {
    r.used.fill(0);
    r.row = 1;
  }
}

export function isUsed(r: DefenderCells, c: number): boolean {
  return r.used[c] === r.row;
}

export function markUsed(r: DefenderCells, c: number): void {
  r.used[c] = r.row;
}

/**
 * Cells of JSON row objects (keys in for-in order, as extra was always built). Rows of one
 * export mostly repeat the same keys: the layout of the last key sequence is reused while
 * they do, and worked out again when they change.
 */
export function objectCellsReader(): (row: Record<string, unknown>) => DefenderCells {
  let cells: DefenderCells | null = null;
  const values: unknown[] = [];
  return (row) => {
    const keys = cells?.layout.keys;
    let same = keys !== undefined;
    let n = 0;
    for (const key in row) {
      if (same && keys![n] !== key) same = false;
      values[n++] = row[key];
    }
    values.length = n;
    if (!same || n !== keys!.length) {
      const rowKeys: string[] = [];
      for (const key in row) rowKeys.push(key);
      const keyAt = new Int32Array(rowKeys.length);
      for (let k = 0; k < keyAt.length; k++) keyAt[k] = k;
      cells = newCells(layout(rowKeys, keyAt));
    }
    nextRow(cells!, values);
    return cells!;
  };
}

/** A known column's value as given (undefined when the row lacks the column). */
export function cell(r: DefenderCells, c: number): unknown {
  const i = r.layout.at[c]!;
  return i < 0 ? undefined : r.values[i];
}
