// BinXML, the token stream an EVTX record's event is written in (libyal "Windows XML
// Event Log (EVTX) format", section Binary XML; [MS-EVEN6] 3.1.4.7), expanded to an
// element tree.
//
// Most records hold a template instance: a reference to a template definition (an
// element skeleton with numbered substitution slots, written once per chunk, inline in
// the first record that uses it) plus the typed values for the slots. Element and
// attribute names are likewise written once per chunk and referenced by offset. All
// offsets are relative to the chunk start, so a parser works on one chunk's bytes; it
// compiles each template once and keeps it (and the names) for the chunk's other records.
//
// Hostile input: every read is bounds-checked, nesting depth and the size of an expanded
// record are capped, and a template that refers to itself is an error, so a corrupt
// record costs one EvtxFormatError, never a crash or a hang.
import { EvtxFormatError, VT_ARRAY, VT_BINXML, VT_NULL, VT_STRING, decodeValue, fixedWidth, utf16 } from './evtx-values';
import type { XmlAttribute, XmlNode } from './evtx-xml';
import { Cursor, ENTITIES, type Name, type SubValue, type TAttr, type TChild, type TElement, type TPart, type TSub } from './evtx-binxml-tree';

const MAX_DEPTH = 64;
/** Nodes one record may expand to (templates referenced from nested BinXML multiply). */
const MAX_NODES = 200_000;

/** Expands the BinXML of one chunk's records. `buf` holds the chunk from its first byte. */
export class ChunkBinXml {
  private readonly names = new Map<number, Name>();
  private readonly templates = new Map<number, TChild[]>();
  private readonly compiling = new Set<number>();
  private budget = MAX_NODES;

  /** `limit`: how many bytes of the chunk are there (less than 64 KiB for a cut file). */
  constructor(
    private readonly buf: Buffer,
    private readonly limit: number = buf.length,
  ) {}

  /** The element tree of the BinXML at chunk offsets [start, end). */
  parse(start: number, end: number): XmlNode[] {
    if (start < 0 || end > this.limit || start > end) throw new EvtxFormatError('BinXML outside the chunk', start);
    this.budget = MAX_NODES;
    const children = this.stream(new Cursor(this.buf, start, end), false, 0);
    return this.instantiate(children, []);
  }

  /** Tokens until end of stream (or the end of the cursor's range). */
  private stream(c: Cursor, hasDepId: boolean, depth: number): TChild[] {
    if (depth > MAX_DEPTH) throw new EvtxFormatError('BinXML nested too deeply', c.pos);
    const out: TChild[] = [];
    while (c.pos < c.end) {
      const at = c.pos;
      const t = c.u8();
      switch (t) {
        case 0x00:
          return out;
        case 0x0f:
          c.skip(3); // major, minor version, flags
          break;
        case 0x0c:
          out.push({ kind: 'expanded', nodes: this.templateInstance(c, depth) });
          break;
        case 0x01:
        case 0x41:
          out.push(this.element(c, t, hasDepId, depth + 1));
          break;
        default:
          if (!this.content(c, t, out, depth)) {
            throw new EvtxFormatError(`unexpected BinXML token 0x${t.toString(16).padStart(2, '0')}`, at);
          }
      }
    }
    return out;
  }

  /** Content tokens shared by streams and elements; false if `t` is none of them. */
  private content(c: Cursor, t: number, out: TChild[], depth: number): boolean {
    switch (t) {
      case 0x05:
      case 0x45:
        out.push(this.valueText(c));
        return true;
      case 0x0d:
      case 0x0e:
        out.push(this.substitution(c, t));
        return true;
      case 0x07:
      case 0x47: {
        const n = c.u16();
        c.need(n * 2);
        out.push({ kind: 'cdata', text: utf16(this.buf, c.pos, n * 2) });
        c.pos += n * 2;
        return true;
      }
      case 0x08:
      case 0x48:
        out.push(String.fromCharCode(c.u16()));
        return true;
      case 0x09:
      case 0x49: {
        const name = this.name(c);
        out.push(ENTITIES[name] ?? `&${name};`);
        return true;
      }
      case 0x0a: {
        const target = this.name(c);
        let data = '';
        if (c.pos < c.end && c.peek() === 0x0b) {
          c.pos++;
          const n = c.u16();
          c.need(n * 2);
          data = utf16(this.buf, c.pos, n * 2);
          c.pos += n * 2;
        }
        out.push({ kind: 'pi', target, data });
        return true;
      }
      case 0x0c:
        out.push({ kind: 'expanded', nodes: this.templateInstance(c, depth) });
        return true;
      default:
        return false;
    }
  }

  private element(c: Cursor, token: number, hasDepId: boolean, depth: number): TElement {
    if (depth > MAX_DEPTH) throw new EvtxFormatError('BinXML elements nested too deeply', c.pos);
    // Template definitions carry a dependency identifier; elements written directly in a
    // record or in a BinXML value should not (libyal notes), but some writers differ.
    if (hasDepId || this.looksLikeDependencyId(c)) c.skip(2);
    c.u32(); // data size
    const name = this.name(c);
    if (token & 0x40) c.u32(); // attribute list size
    const attrs: TAttr[] = [];
    while (true) {
      const t = c.peek();
      if (t !== 0x06 && t !== 0x46) break;
      c.pos++;
      attrs.push({ name: this.name(c), parts: this.attributeValue(c) });
    }
    const el: TElement = { kind: 'tel', name, attrs, children: [] };
    const at = c.pos;
    const close = c.u8();
    if (close === 0x03) return el;
    if (close !== 0x02) throw new EvtxFormatError(`<${name}>: expected the end of its start tag, found token 0x${close.toString(16)}`, at);
    while (true) {
      const tokAt = c.pos;
      const t = c.u8();
      if (t === 0x04) return el;
      if (t === 0x01 || t === 0x41) {
        el.children.push(this.element(c, t, hasDepId, depth + 1));
      } else if (t === 0x00) {
        throw new EvtxFormatError(`<${name}>: stream ends inside the element`, tokAt);
      } else if (!this.content(c, t, el.children, depth)) {
        throw new EvtxFormatError(`<${name}>: unexpected BinXML token 0x${t.toString(16).padStart(2, '0')}`, tokAt);
      }
    }
  }

  /**
   * Outside template definitions: true when the element start only makes sense with a
   * dependency identifier, i.e. its name offset is plausible (inline, or an earlier name
   * in the chunk) when read 2 bytes further on and not where it would be without one.
   */
  private looksLikeDependencyId(c: Cursor): boolean {
    const plausible = (at: number): boolean => {
      if (at + 8 > c.end) return false;
      const off = this.buf.readUInt32LE(at + 4);
      if (off === at + 8) return true;
      if (off >= at || off + 8 > this.limit) return false;
      if (this.names.has(off)) return true;
      try {
        this.nameAt(off);
        return true;
      } catch {
        return false;
      }
    };
    return !plausible(c.pos) && plausible(c.pos + 2);
  }

  private attributeValue(c: Cursor): TPart[] {
    const parts: TPart[] = [];
    while (c.pos < c.end) {
      const t = c.peek();
      if (t === 0x05 || t === 0x45) {
        c.pos++;
        parts.push(this.valueText(c));
      } else if (t === 0x0d || t === 0x0e) {
        c.pos++;
        parts.push(this.substitution(c, t));
      } else if (t === 0x08 || t === 0x48) {
        c.pos++;
        parts.push(String.fromCharCode(c.u16()));
      } else if (t === 0x09 || t === 0x49) {
        c.pos++;
        const name = this.name(c);
        parts.push(ENTITIES[name] ?? `&${name};`);
      } else {
        break;
      }
    }
    return parts;
  }

  private valueText(c: Cursor): string {
    const at = c.pos;
    const type = c.u8();
    if (type === VT_STRING) {
      const n = c.u16();
      c.need(n * 2);
      const s = this.buf.toString('utf16le', c.pos, c.pos + n * 2);
      c.pos += n * 2;
      return s;
    }
    const width = fixedWidth(type);
    if (width === 0) throw new EvtxFormatError(`value token of type 0x${type.toString(16)}`, at);
    c.need(width);
    const v = decodeValue(this.buf, c.pos, width, type);
    c.pos += width;
    return v.text;
  }

  private substitution(c: Cursor, token: number): TSub {
    const index = c.u16();
    c.u8(); // value type as the template expects it; the instance's descriptor decides
    return { kind: 'sub', index, optional: token === 0x0e };
  }

  /** A name reference; the name itself follows inline when it is first written. */
  private name(c: Cursor): string {
    const offset = c.u32();
    const n = this.nameAt(offset);
    if (offset === c.pos) c.skip(n.size);
    return n.name;
  }

  private nameAt(offset: number): Name {
    let n = this.names.get(offset);
    if (n) return n;
    // unknown (4), hash (2), character count (2), UTF-16LE characters, NUL
    if (offset + 8 > this.limit) throw new EvtxFormatError(`name offset ${offset} outside the chunk`, offset);
    const count = this.buf.readUInt16LE(offset + 6);
    const size = 8 + count * 2 + 2;
    if (offset + size > this.limit) throw new EvtxFormatError(`name at ${offset} runs past the chunk`, offset);
    n = { name: this.buf.toString('utf16le', offset + 8, offset + 8 + count * 2), size };
    if (!/^[^\s<>&"'=/]+$/.test(n.name)) throw new EvtxFormatError(`invalid element/attribute name at ${offset}`, offset);
    this.names.set(offset, n);
    return n;
  }

  private templateInstance(c: Cursor, depth: number): XmlNode[] {
    c.u8(); // unknown
    c.u32(); // template identifier
    const defOffset = c.u32();
    if (defOffset === c.pos) {
      // The definition is written here, on its first use in the chunk: skip it.
      c.skip(4 + 16); // next template offset, GUID
      const size = c.u32();
      c.skip(size);
    }
    const template = this.template(defOffset, depth);
    const count = c.u32();
    if (count * 4 > c.end - c.pos) throw new EvtxFormatError(`template instance claims ${count} values`, c.pos - 4);
    const descriptors: number[] = [];
    for (let i = 0; i < count; i++) {
      const size = c.u16();
      const type = c.u8();
      c.u8();
      descriptors.push(size, type);
    }
    const values: SubValue[] = [];
    for (let i = 0; i < descriptors.length; i += 2) {
      const size = descriptors[i]!;
      const type = descriptors[i + 1]!;
      c.need(size);
      values.push(this.value(c.pos, size, type, depth));
      c.pos += size;
    }
    return this.instantiate(template, values);
  }

  private value(pos: number, size: number, type: number, depth: number): SubValue {
    if (type === VT_BINXML) {
      const children = this.stream(new Cursor(this.buf, pos, pos + size), false, depth + 1);
      return { type, text: '', nodes: this.instantiate(children, []) };
    }
    if (type === VT_NULL) return { type, text: '' };
    return decodeValue(this.buf, pos, size, type);
  }

  private template(offset: number, depth: number): TChild[] {
    const cached = this.templates.get(offset);
    if (cached) return cached;
    if (this.compiling.has(offset)) throw new EvtxFormatError(`template at ${offset} refers to itself`, offset);
    // next template offset (4), GUID (16), data size (4), then the fragment.
    if (offset + 24 > this.limit) throw new EvtxFormatError(`template offset ${offset} outside the chunk`, offset);
    const size = this.buf.readUInt32LE(offset + 20);
    const end = offset + 24 + size;
    if (end > this.limit) throw new EvtxFormatError(`template at ${offset} runs past the chunk (${size} bytes)`, offset);
    this.compiling.add(offset);
    try {
      const t = this.stream(new Cursor(this.buf, offset + 24, end), true, depth + 1);
      this.templates.set(offset, t);
      return t;
    } finally {
      this.compiling.delete(offset);
    }
  }

  private spend(n: number): void {
    this.budget -= n;
    if (this.budget < 0) throw new EvtxFormatError(`record expands to more than ${MAX_NODES} nodes`, 0);
  }

  private instantiate(children: readonly TChild[], values: readonly SubValue[]): XmlNode[] {
    const out: XmlNode[] = [];
    this.spend(children.length);
    for (const ch of children) {
      if (typeof ch === 'string') {
        pushText(out, ch);
      } else if (ch.kind === 'sub') {
        const v = values[ch.index];
        if (!v) continue;
        if (v.nodes) {
          this.spend(v.nodes.length);
          out.push(...v.nodes);
        } else if (v.text !== '') pushText(out, v.text);
      } else if (ch.kind === 'tel') {
        this.instantiateElement(ch, values, out);
      } else if (ch.kind === 'expanded') {
        this.spend(ch.nodes.length);
        out.push(...ch.nodes);
      } else {
        out.push(ch);
      }
    }
    return out;
  }

  private instantiateElement(t: TElement, values: readonly SubValue[], out: XmlNode[]): void {
    const attributes: XmlAttribute[] = [];
    for (const a of t.attrs) {
      let value = '';
      let present = a.parts.length === 0;
      for (const p of a.parts) {
        if (typeof p === 'string') {
          value += p;
          present = true;
        } else {
          const v = values[p.index];
          // An optional substitution without a value drops the attribute.
          if (v && (v.type !== VT_NULL || !p.optional)) present = true;
          if (v) value += v.text;
        }
      }
      if (present) attributes.push({ name: a.name, value });
    }
    // An element whose content is one array substitution repeats once per item.
    const only = t.children.length === 1 ? t.children[0] : undefined;
    if (only !== undefined && typeof only !== 'string' && only.kind === 'sub') {
      const v = values[only.index];
      if (v && v.type & VT_ARRAY && v.items) {
        const items = v.items.length > 0 ? v.items : [''];
        this.spend(items.length);
        for (const item of items) {
          out.push({ kind: 'element', name: t.name, attributes, children: item === '' ? [] : [item] });
        }
        return;
      }
    }
    out.push({ kind: 'element', name: t.name, attributes, children: this.instantiate(t.children, values) });
  }
}

function pushText(out: XmlNode[], text: string): void {
  const last = out.length - 1;
  if (last >= 0 && typeof out[last] === 'string') out[last] = (out[last] as string) + text;
  else out.push(text);
}

