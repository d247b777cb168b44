// Thrift compact protocol, the encoding of Parquet's page headers and file footer
// (thrift-compact-protocol spec; parquet-format's parquet.thrift for the structs). Only what a
// writer needs: structs of i32/i64/bool/binary/list/struct fields, written field by field.

const T_BOOL_TRUE = 1;
const T_BOOL_FALSE = 2;
const T_I32 = 5;
const T_I64 = 6;
const T_BINARY = 8;
const T_LIST = 9;
const T_STRUCT = 12;

/** A field of a struct to write: [id, value]; undefined values are left out (optional fields). */
export type ThriftValue =
  | { i32: number }
  | { i64: number | bigint }
  | { bool: boolean }
  | { bin: string | Uint8Array }
  | { struct: ThriftField[] }
  | { list: { elem: 'i32' | 'bin' | 'struct'; items: (number | string | ThriftField[])[] } };
export type ThriftField = [number, ThriftValue | undefined];

export class CompactWriter {
  private bytes: number[] = [];

  private varint(n: bigint): void {
    let v = n;
    while (v >= 0x80n) {
      this.bytes.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.bytes.push(Number(v));
  }

  private zigzag(n: number | bigint, bits: 32n | 64n): void {
    const v = BigInt(n);
    this.varint(BigInt.asUintN(Number(bits), (v << 1n) ^ (v >> (bits - 1n))));
  }

  private binary(v: string | Uint8Array): void {
    const b = typeof v === 'string' ? Buffer.from(v, 'utf8') : v;
    this.varint(BigInt(b.length));
    for (const x of b) this.bytes.push(x);
  }

  struct(fields: ThriftField[]): this {
    let last = 0;
    for (const [id, value] of fields) {
      if (value === undefined) continue;
      const type = 'i32' in value ? T_I32 : 'i64' in value ? T_I64 : 'bool' in value ? (value.bool ? T_BOOL_TRUE : T_BOOL_FALSE)
        : 'bin' in value ? T_BINARY : 'struct' in value ? T_STRUCT : T_LIST;
      const delta = id - last;
      if (delta > 0 && delta <= 15) this.bytes.push((delta << 4) | type);
      else {
        this.bytes.push(type);
        this.zigzag(id, 32n);
      }
      last = id;
      if ('i32' in value) this.zigzag(value.i32, 32n);
      else if ('i64' in value) this.zigzag(value.i64, 64n);
      else if ('bin' in value) this.binary(value.bin);
      else if ('struct' in value) this.struct(value.struct);
      else if ('list' in value) {
        const { elem, items } = value.list;
        const et = elem === 'i32' ? T_I32 : elem === 'bin' ? T_BINARY : T_STRUCT;
        if (items.length < 15) this.bytes.push((items.length << 4) | et);
        else {
          this.bytes.push(0xf0 | et);
          this.varint(BigInt(items.length));
        }
        for (const item of items) {
          if (elem === 'i32') this.zigzag(item as number, 32n);
          else if (elem === 'bin') this.binary(item as string);
          else this.struct(item as ThriftField[]);
        }
      }
    }
    this.bytes.push(0); // stop
    return this;
  }

  done(): Buffer {
    return Buffer.from(this.bytes);
  }
}
