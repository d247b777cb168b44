// The pieces BinXML is read with (evtx-binxml.ts): a bounds-checked cursor over one chunk's
// bytes, and the compiled template tree (elements, attributes, substitution slots) a template
// definition expands to before its values are filled in.
import { EvtxFormatError } from './evtx-values';
import type { XmlCData, XmlNode, XmlPI } from './evtx-xml';

export interface TSub {
  kind: 'sub';
  index: number;
  optional: boolean;
}

/** Attribute values and text are made of literal strings and substitutions. */
export type TPart = string | TSub;

export interface TAttr {
  name: string;
  parts: TPart[];
}

export interface TElement {
  kind: 'tel';
  name: string;
  attrs: TAttr[];
  children: TChild[];
}

/** A template instance met inside a stream, expanded when it was read. */
export interface TExpanded {
  kind: 'expanded';
  nodes: XmlNode[];
}

export type TChild = TPart | TElement | TExpanded | XmlCData | XmlPI;

/** A template instance's value for one substitution slot. */
export interface SubValue {
  type: number;
  text: string;
  items?: string[];
  nodes?: XmlNode[];
}

export const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export class Cursor {
  constructor(
    readonly buf: Buffer,
    public pos: number,
    readonly end: number,
  ) {}

  need(n: number): void {
    if (n < 0 || this.pos + n > this.end) {
      throw new EvtxFormatError(`BinXML runs past its end (needs ${n} bytes, ${this.end - this.pos} left)`, this.pos);
    }
  }

  u8(): number {
    this.need(1);
    return this.buf[this.pos++]!;
  }

  peek(): number {
    this.need(1);
    return this.buf[this.pos]!;
  }

  u16(): number {
    this.need(2);
    const v = this.buf.readUInt16LE(this.pos);
    this.pos += 2;
    return v;
  }

  u32(): number {
    this.need(4);
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }

  skip(n: number): void {
    this.need(n);
    this.pos += n;
  }
}

export interface Name {
  name: string;
  size: number;
}
