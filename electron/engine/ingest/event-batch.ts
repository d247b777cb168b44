// Parsed records flattened into a compact batch: one typed array per cell attribute and
// every string already encoded as UTF-8 in one byte buffer. The same batch is built in the
// ingest worker (and handed to the main thread without copying: its buffers are
// transferred) or in the main thread when no worker is available; the inserter copies the
// bytes into SQLite's heap once and binds pointers into them. No per-row objects, no
// per-string encoding on the thread that runs SQLite.
import type { NormalizedFields } from '../../common/schema';
import { normalizeAction } from '../formats/action-vocabulary';
import type { ParsedEvent, ReadRecord } from '../formats/types';
import { flatJson } from './flat-json';
import { extraMembersJson } from '../formats/extra-members';
import { RollupCounter } from '../store/rollups/counter';
import { ExtraEncoder, type ExtraDictionaryDelta } from '../store/extra/extra-encoder';
import { ScopeFilter } from './scope/filter';
import type { ImportScope } from './scope/types';

/** Normalized fields stored as they are, in column order. */
const FIELD_COLUMNS = [
  'host', 'user', 'category', 'action', 'severity',
  'process_name', 'process_path', 'process_command_line', 'process_pid', 'process_hash',
  'process_guid', 'parent_process_guid', 'parent_process_name', 'parent_process_command_line',
  'src_ip', 'src_port', 'dst_ip', 'dst_port', 'url', 'domain',
  'http_status', 'bytes_in', 'bytes_out', 'duration_ms',
  'file_path', 'file_hash', 'registry_path', 'message',
] as const satisfies readonly (keyof NormalizedFields)[];

/** event_row columns a batch carries, in cell order (evidence_id is the same for all rows). */
export const BATCH_COLUMNS = ['time', 'time_raw', 'time_zone', ...FIELD_COLUMNS, 'extra_values', 'extra_shape', 'source_line', 'source_offset', 'source_length'] as const;
export const WIDTH = BATCH_COLUMNS.length;
const FIRST_FIELD = 3;
const EXTRA = FIRST_FIELD + FIELD_COLUMNS.length;

export const CELL_NULL = 0;
export const CELL_TEXT = 1;
export const CELL_NUMBER = 2;

/** A rejected record as stored in rejected_record. */
export interface RejectRow {
  line: number;
  offset: number;
  reason: string;
  raw: string;
}

export interface EventBatch {
  rows: number;
  /** Per cell (rows x WIDTH): CELL_NULL, CELL_TEXT or CELL_NUMBER. */
  kinds: Uint8Array;
  /** Per cell: the number, or for text the byte offset in `text`. */
  values: Float64Array;
  /** Per cell: byte length of text cells. */
  lengths: Int32Array;
  /** UTF-8 of every text cell, back to back. */
  text: Uint8Array;
  textBytes: number;
  rejects: RejectRow[];
  /** Records seen (events, rejects and skipped lines) and of those skipped, in this batch. */
  records: number;
  skipped: number;
  /** Shapes and dictionary values of extra first used in this batch (store/extra/). */
  extraDictionary: ExtraDictionaryDelta;
}

/** Rows per batch: large enough to amortize a hand-over, small enough to keep memory flat. */
const BATCH_ROWS = 2048;
/** A batch is handed over early once its text passes this many bytes. */
const BATCH_TEXT_BYTES = 1 << 20;

/** Node's UTF-8 range writer on Buffer (untyped in @types/node; Buffer#write calls it). */
interface Utf8Writer {
  utf8Write(s: string, offset: number, length: number): number;
}

interface Buffers {
  kinds: Uint8Array;
  values: Float64Array;
  lengths: Int32Array;
  text: Buffer;
}

function newBuffers(): Buffers {
  return {
    kinds: new Uint8Array(BATCH_ROWS * WIDTH),
    values: new Float64Array(BATCH_ROWS * WIDTH),
    lengths: new Int32Array(BATCH_ROWS * WIDTH),
    // Its own ArrayBuffer (never Node's shared pool), so it can be transferred.
    text: Buffer.from(new ArrayBuffer(1 << 20)),
  };
}

/** The order addEvent reads the fields in: a change to FIELD_COLUMNS must change addEvent too. */
const ADD_ORDER =
  'host,user,category,action,severity,process_name,process_path,process_command_line,process_pid,process_hash,' +
  'process_guid,parent_process_guid,parent_process_name,parent_process_command_line,src_ip,src_port,dst_ip,dst_port,' +
  'url,domain,http_status,bytes_in,bytes_out,duration_ms,file_path,file_hash,registry_path,message';
if (FIELD_COLUMNS.join(',') !== ADD_ORDER) throw new Error('BatchEncoder.addEvent reads the fields in an order FIELD_COLUMNS no longer has');

export class BatchEncoder {
  private buffers: Buffers = newBuffers();
  private rows = 0;
  private textBytes = 0;
  private rejects: RejectRow[] = [];
  private records = 0;
  private skipped = 0;
  /** The text cells of the row being added, and their strings (see setTexts). */
  private readonly rowCells = new Int32Array(3 + FIELD_COLUMNS.length + 1);
  private readonly rowTexts: string[] = new Array<string>(3 + FIELD_COLUMNS.length + 1).fill('');
  /** Text cells queued for the row being added. */
  private queued = 0;
  /** The last action normalized, its category and the result (see addEvent). */
  private lastRawAction = '';
  private lastActionCategory: unknown = undefined;
  private lastAction = '';
  /** Buffers of batches already stored, for reuse: touching fresh memory is slow. */
  private readonly pool: Buffers[] = [];
  /** Totals over the whole file. */
  events = 0;
  rejected = 0;
  skippedTotal = 0;
  recordsTotal = 0;
  /** Facet values and minutes of the events so far (store/rollups/). */
  readonly rollups = new RollupCounter();
  /** extra in its compact form (store/extra/extra-encoder.ts), one dictionary per file. */
  private readonly extraEncoder = new ExtraEncoder();
  /** Events parsed but outside the import scope (scope/): counted, not stored. */
  scopedOut = 0;
  private readonly scope: ScopeFilter | null;

  constructor(scope?: ImportScope) {
    this.scope = scope ? new ScopeFilter(scope) : null;
  }

  /** Takes one record from a reader: an event row per event, or a reject, or a skip. */
  addRecord(rec: ReadRecord): void {
    this.records++;
    this.recordsTotal++;
    const outcome = rec.outcome;
    if (outcome.kind === 'skip') {
      this.skipped++;
      this.skippedTotal++;
    } else if (outcome.kind === 'reject') this.reject(rec, outcome.reason);
    else if (outcome.kind === 'more') this.reject(rec, 'record reader asked for more input');
    else {
      const events = outcome.events;
      // A loop, not find() with a closure: this runs once per record.
      for (let i = 0; i < events.length; i++) {
        if (!Number.isFinite(events[i]!.ts)) return this.reject(rec, `unparseable timestamp "${events[i]!.timeRaw}"`);
      }
      for (const e of events) {
        if (this.scope !== null && !this.scope.keeps(e)) this.scopedOut++;
        else this.addEvent(e, rec.number, rec.offset, rec.length);
      }
    }
  }

  /** True when the batch should be handed over now. */
  get full(): boolean {
    return this.rows >= BATCH_ROWS || this.textBytes >= BATCH_TEXT_BYTES || this.rejects.length >= BATCH_ROWS;
  }

  /** The batch so far (its buffers now belong to the caller); the encoder starts a new one. */
  take(): EventBatch {
    const textBytes = this.textBytes;
    const { kinds, values, lengths, text } = this.buffers;
    const batch: EventBatch = {
      rows: this.rows,
      kinds,
      values,
      lengths,
      text,
      textBytes,
      rejects: this.rejects,
      records: this.records,
      skipped: this.skipped,
      extraDictionary: this.extraEncoder.take(),
    };
    // Cells start NULL: a reused batch is cleared here once, not row by row in addEvent.
    const reused = this.pool.pop();
    if (reused) reused.kinds.fill(CELL_NULL);
    this.buffers = reused ?? newBuffers();
    this.rows = 0;
    this.textBytes = 0;
    this.rejects = [];
    this.records = 0;
    this.skipped = 0;
    return batch;
  }

  /** Hands back a stored batch's buffers for the next batches. */
  recycle(batch: Pick<EventBatch, 'kinds' | 'values' | 'lengths' | 'text'>): void {
    if (this.pool.length >= 4) return;
    const text = Buffer.from(batch.text.buffer, batch.text.byteOffset, batch.text.byteLength);
    this.pool.push({ kinds: batch.kinds, values: batch.values, lengths: batch.lengths, text });
  }

  private reject(rec: ReadRecord, reason: string): void {
    this.rejected++;
    this.rejects.push({ line: rec.number, offset: rec.offset, reason, raw: rec.raw ?? '' });
  }

  private addEvent(e: ParsedEvent, line: number, offset: number, length: number): void {
    if ((this.rows + 1) * WIDTH > this.buffers.kinds.length) this.growRows();
    const base = this.rows * WIDTH;
    const cells = this.rowCells;
    const texts = this.rowTexts;
    cells[0] = base;
    texts[0] = isoUtc(e.ts);
    cells[1] = base + 1;
    texts[1] = e.timeRaw;
    cells[2] = base + 2;
    texts[2] = e.timeZone;
    this.queued = 3;
    // One vocabulary for action (formats/action-vocabulary.ts); the source's value is kept.
    const raw = e.action;
    let action: unknown = raw;
    if (typeof raw === 'string' && raw !== '') {
      // Logs repeat an action line after line (GET, ConnectionSuccess): the last answer is reused.
      if (raw !== this.lastRawAction || e.category !== this.lastActionCategory) {
        this.lastRawAction = raw;
        this.lastActionCategory = e.category;
        this.lastAction = normalizeAction(raw, e.category);
      }
      action = this.lastAction;
    }
    // Every field read by name, in FIELD_COLUMNS order: 28 named reads (each cached for the
    // format's event shape) measured cheaper than a for-in over the event's own keys with a
    // dictionary lookup of each key's cell.
    const f = base + FIRST_FIELD;
    this.field(f, e.host);
    this.field(f + 1, e.user);
    this.field(f + 2, e.category);
    this.field(f + 3, action);
    this.field(f + 4, e.severity);
    this.field(f + 5, e.process_name);
    this.field(f + 6, e.process_path);
    this.field(f + 7, e.process_command_line);
    this.field(f + 8, e.process_pid);
    this.field(f + 9, e.process_hash);
    this.field(f + 10, e.process_guid);
    this.field(f + 11, e.parent_process_guid);
    this.field(f + 12, e.parent_process_name);
    this.field(f + 13, e.parent_process_command_line);
    this.field(f + 14, e.src_ip);
    this.field(f + 15, e.src_port);
    this.field(f + 16, e.dst_ip);
    this.field(f + 17, e.dst_port);
    this.field(f + 18, e.url);
    this.field(f + 19, e.domain);
    this.field(f + 20, e.http_status);
    this.field(f + 21, e.bytes_in);
    this.field(f + 22, e.bytes_out);
    this.field(f + 23, e.duration_ms);
    this.field(f + 24, e.file_path);
    this.field(f + 25, e.file_hash);
    this.field(f + 26, e.registry_path);
    this.field(f + 27, e.message);
    // extra in its compact form (store/extra/): from the object's values where the format
    // gave an object, else from the JSON text as it was always written.
    const members = e.extraMembers;
    const actionOriginal = action !== raw ? (raw as string) : undefined;
    let encoded =
      members !== undefined
        ? this.extraEncoder.encodeMembers(members, actionOriginal)
        : e.extraJson === undefined && e.extra
          ? this.extraEncoder.encodeObject(e.extra, actionOriginal)
          : null;
    if (encoded === null) {
      let extra: string | undefined;
      // Members (Defender rows) as their text, byte for byte what the format wrote before.
      if (members !== undefined) extra = extraMembersJson(members, actionOriginal);
      else if (action !== raw) extra = withOriginalAction(e, raw as string);
      else if (e.extraJson !== undefined) extra = e.extraJson;
      else if (e.extra) {
        for (const _ in e.extra) {
          extra = flatJson(e.extra);
          break;
        }
      }
      if (extra !== undefined) encoded = this.extraEncoder.encode(extra);
    }
    if (encoded !== null) {
      // Queued with the row's other text cells: one write for the row (see setTexts).
      this.rowCells[this.queued] = base + EXTRA;
      this.rowTexts[this.queued++] = encoded.values;
      if (encoded.shape !== null) this.setNumber(base + EXTRA + 1, encoded.shape);
    }
    this.setTexts(this.queued);
    this.setNumber(base + EXTRA + 2, line);
    this.setNumber(base + EXTRA + 3, offset);
    this.setNumber(base + EXTRA + 4, length);
    this.rollups.add(e, action);
    this.rows++;
    this.events++;
  }

  /** One field's cell: a number now, text queued for setTexts, nothing (NULL) when empty. */
  private field(cell: number, v: unknown): void {
    if (v === undefined || v === null || v === '') return; // the cell stays NULL
    if (typeof v === 'number') this.setNumber(cell, v);
    else if (typeof v === 'boolean') this.setNumber(cell, v ? 1 : 0);
    else {
      this.rowCells[this.queued] = cell;
      this.rowTexts[this.queued++] = typeof v === 'string' ? v : String(v);
    }
  }

  /** A record can yield many events (batch rows are a soft limit, never a reason to drop one). */
  private growRows(): void {
    const b = this.buffers;
    const cells = b.kinds.length * 2;
    const kinds = new Uint8Array(cells);
    kinds.set(b.kinds);
    const values = new Float64Array(cells);
    values.set(b.values);
    const lengths = new Int32Array(cells);
    lengths.set(b.lengths);
    this.buffers = { kinds, values, lengths, text: b.text };
  }

  /**
   * The row's text cells queued in rowCells/rowTexts, written with one native call while
   * they are ASCII (a call per cell cost more than the encoding); else cell by cell, over
   * the same bytes. Either way each cell's bytes follow the previous cell's.
   */
  private setTexts(count: number): void {
    const cells = this.rowCells;
    const texts = this.rowTexts;
    let joined = '';
    for (let i = 0; i < count; i++) joined += texts[i]!;
    if (this.textBytes + joined.length * 3 > this.buffers.text.length) this.growText(this.textBytes + joined.length * 3);
    const { kinds, values, lengths, text } = this.buffers;
    // UTF-8 takes as many bytes as UTF-16 code units only when every character is ASCII.
    // Node's own range writer (Buffer#write calls it after checking its arguments, which cost
    // as much as the copy here: the room was made just above).
    if ((text as unknown as Utf8Writer).utf8Write(joined, this.textBytes, text.length - this.textBytes) !== joined.length) {
      for (let i = 0; i < count; i++) this.setText(cells[i]!, texts[i]!);
      return;
    }
    for (let i = 0; i < count; i++) {
      const cell = cells[i]!;
      const n = texts[i]!.length;
      kinds[cell] = CELL_TEXT;
      values[cell] = this.textBytes;
      lengths[cell] = n;
      this.textBytes += n;
    }
  }

  private setNumber(cell: number, n: number): void {
    // SQLite stores a NaN bound as a double as NULL; say so here rather than rely on it.
    if (Number.isNaN(n)) return;
    this.buffers.kinds[cell] = CELL_NUMBER;
    this.buffers.values[cell] = n;
  }

  private setText(cell: number, s: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit. One native write per cell measured
    // faster than joining a batch's strings and encoding them at once.
    if (this.textBytes + s.length * 3 > this.buffers.text.length) this.growText(this.textBytes + s.length * 3);
    const n = this.buffers.text.write(s, this.textBytes, 'utf8');
    this.buffers.kinds[cell] = CELL_TEXT;
    this.buffers.values[cell] = this.textBytes;
    this.buffers.lengths[cell] = n;
    this.textBytes += n;
  }

  private growText(needed: number): void {
    const next = Buffer.from(new ArrayBuffer(Math.max(needed, this.buffers.text.length * 2)));
    this.buffers.text.copy(next, 0, 0, this.textBytes);
    this.buffers.text = next;
  }
}

/** The event's extra fields as JSON with `action_original` first (the value the source wrote). */
function withOriginalAction(e: ParsedEvent, raw: string): string {
  const head = `{"action_original":${JSON.stringify(raw)}`;
  const rest = e.extraJson !== undefined ? e.extraJson.trim() : e.extra ? JSON.stringify(e.extra) : '{}';
  // A JSON object's members after its opening brace; "{}" has none.
  const members = rest.slice(1).trimStart();
  return members.startsWith('}') ? `${head}}` : `${head},${members}`;
}

// ISO-8601 UTC with milliseconds, as Date#toISOString writes it. Events of a log arrive in
// (nearly) time order, so the text up to the second is reused while the second is the same.
let cachedSecond = NaN;
let cachedPrefix = '';
// Most logs write whole seconds, so consecutive events often share the whole text too.
let cachedTime = NaN;
let cachedText = '';
const MS_TEXT = Array.from({ length: 1000 }, (_, i) => `${String(i).padStart(3, '0')}Z`);

function isoUtc(time: number): string {
  if (time === cachedTime) return cachedText;
  const ms = Math.trunc(time); // what Date does with a fractional millisecond
  const second = Math.floor(ms / 1000);
  if (second !== cachedSecond) {
    const iso = new Date(second * 1000).toISOString();
    // Years outside 0000-9999 are written with a sign and six digits: not cached.
    if (iso.length !== 24) return new Date(ms).toISOString();
    cachedSecond = second;
    cachedPrefix = iso.slice(0, 20);
  }
  cachedTime = time;
  cachedText = cachedPrefix + MS_TEXT[Math.floor(ms - second * 1000)]!;
  return cachedText;
}
