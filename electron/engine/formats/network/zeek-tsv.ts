// Zeek logs in the default ASCII (TSV) writer layout (docs.zeek.org, "Zeek ASCII logs"):
//   #separator \x09              <- the only directive written with a space, the value \x-escaped
//   #set_separator<TAB>,
//   #empty_field<TAB>(empty)     <- an empty set/vector/string
//   #unset_field<TAB>-           <- no value
//   #path<TAB>conn
//   #open<TAB>2023-09-06-01-19-23
//   #fields<TAB>ts<TAB>uid<TAB>id.orig_h ...
//   #types<TAB>time<TAB>string<TAB>addr ...
//   <records>
//   #close<TAB>2023-09-06-01-19-24
// A file may hold several header blocks (rotated logs concatenated); each #fields line
// replaces the layout. Field values are kept as Zeek wrote them: its \xNN escapes for the
// separator and non-printable bytes are not decoded (the record is evidence).
//
// Time: ts is epoch seconds with microseconds, UTC; the file time zone is not used.
// #open/#close are the writer's wall clock, not event times, and are not events.
import type { LineFormat, ParseContext, ParseOutcome, RecordParser, SniffSample } from '../types';
import { parseEpochSeconds } from '../../time/zone';
import { clip, reject, SKIP } from './common';
import { zeekEvent, type ZeekRecord } from './zeek-map';

/** "\x09" -> TAB; other text as is. */
function decodeDirective(v: string): string {
  return v.replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function isIntType(t: string): boolean {
  return t === 'count' || t === 'int' || t === 'port';
}

function scalar(v: string, type: string): unknown {
  if (isIntType(type)) {
    const n = Number(v);
    return v !== '' && Number.isSafeInteger(n) ? n : v;
  }
  if (type === 'double' || type === 'interval' || type === 'time') {
    const n = Number(v);
    return v !== '' && Number.isFinite(n) ? n : v;
  }
  if (type === 'bool') return v === 'T' ? true : v === 'F' ? false : v;
  return v;
}

/** "set[string]" / "vector[count]" -> the element type; undefined for scalars. */
function elementType(type: string): string | undefined {
  const open = type.indexOf('[');
  if (open === -1 || !type.endsWith(']')) return undefined;
  const kind = type.slice(0, open);
  return kind === 'set' || kind === 'vector' ? type.slice(open + 1, -1) : undefined;
}

interface Layout {
  separator: string;
  setSeparator: string;
  emptyField: string;
  unsetField: string;
  path?: string;
  fields?: string[];
  types?: string[];
  elementTypes?: (string | undefined)[];
  tsIndex: number;
}

function freshLayout(): Layout {
  return { separator: '\t', setSeparator: ',', emptyField: '(empty)', unsetField: '-', tsIndex: -1 };
}

function createZeekTsvParser(ctx: ParseContext): RecordParser {
  let layout = freshLayout();

  function directive(line: string): ParseOutcome {
    if (line.startsWith('#separator ')) {
      // A new header block starts: forget the previous layout.
      layout = freshLayout();
      layout.separator = decodeDirective(line.slice('#separator '.length)) || '\t';
      return SKIP;
    }
    const sep = line.indexOf(layout.separator);
    const name = sep === -1 ? line.slice(1) : line.slice(1, sep);
    const value = sep === -1 ? '' : line.slice(sep + layout.separator.length);
    switch (name) {
      case 'set_separator':
        layout.setSeparator = decodeDirective(value) || ',';
        break;
      case 'empty_field':
        layout.emptyField = value;
        break;
      case 'unset_field':
        layout.unsetField = value;
        break;
      case 'path':
        layout.path = value;
        break;
      case 'fields':
        layout.fields = value.split(layout.separator);
        layout.tsIndex = layout.fields.indexOf('ts');
        break;
      case 'types':
        layout.types = value.split(layout.separator);
        layout.elementTypes = layout.types.map(elementType);
        break;
      default:
        break; // #open, #close and comments
    }
    return SKIP;
  }

  return {
    parseLine(line: string): ParseOutcome {
      if (line.length === 0) return SKIP;
      if (line.charCodeAt(0) === 35 /* # */) return directive(line);
      const fields = layout.fields;
      if (!fields) return reject('record before the Zeek header block (#fields line missing)');
      const values = line.split(layout.separator);
      if (values.length !== fields.length) {
        return reject(`expected ${fields.length} fields per #fields, found ${values.length} (cut-off or damaged record)`);
      }
      if (layout.tsIndex === -1) return reject('the #fields header has no ts field');
      const timeRaw = values[layout.tsIndex]!;
      const ts = parseEpochSeconds(timeRaw);
      if (Number.isNaN(ts)) return reject(`bad ts "${clip(timeRaw)}" (expected epoch seconds like 1693975955.866569)`);

      const types = layout.types;
      const rec: ZeekRecord = Object.create(null) as ZeekRecord;
      for (let i = 0; i < fields.length; i++) {
        const v = values[i]!;
        if (v === layout.unsetField) continue;
        const type = types?.[i] ?? 'string';
        const element = layout.elementTypes?.[i];
        let value: unknown;
        if (element !== undefined) {
          value = v === layout.emptyField ? [] : v.split(layout.setSeparator).map((x) => scalar(x, element));
        } else if (v === layout.emptyField) {
          value = '';
        } else {
          value = scalar(v, type);
        }
        // Object.create(null) has no prototype, so a "__proto__" column is a plain key here.
        rec[fields[i]!] = value;
      }
      const prefix = layout.path === undefined ? undefined : { path: layout.path };
      return { kind: 'events', events: [zeekEvent(rec, ts, timeRaw, layout.path, ctx.fileName, prefix)] };
    },
  };
}

export const zeekTsvFormat: LineFormat = {
  id: 'zeek-tsv',
  name: 'Zeek log (TSV)',
  family: 'network',
  description:
    'Zeek ASCII logs with their #separator/#fields/#types header block: conn, http, dns, ssl, files (other Zeek logs keep their fields in extra).',
  timeSemantics: 'ts is epoch seconds with microseconds (UTC); the file time zone is not used.',
  sniff(sample: SniffSample): number {
    const lines = sample.lines;
    if (lines.length === 0 || !/^#separator \\x[0-9a-fA-F]{2}$/.test(lines[0]!)) return 0;
    return lines.some((l) => l.startsWith('#fields')) ? 0.98 : 0;
  },
  createParser: (ctx: ParseContext) => createZeekTsvParser(ctx),
};
