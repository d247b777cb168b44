// Builds zips in memory with yazl, then patches their bytes into the hostile shapes a real
// attacker would hand over (yazl itself refuses to write traversal names).
import { Buffer } from 'node:buffer';
import yazl from 'yazl';

export interface CraftEntry {
  name: string;
  data: Buffer | string;
  compress?: boolean;
}

export async function makeZip(entries: CraftEntry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(Buffer.from(e.data), e.name, { compress: e.compress ?? true, mtime: new Date('2026-10-05T00:00:00Z') });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

/** Replaces every occurrence of one name's bytes (local header and central directory). */
export function patchBytes(zip: Buffer, from: Buffer | string, to: Buffer | string): Buffer {
  const a = Buffer.from(from);
  const b = Buffer.from(to);
  if (a.length !== b.length) throw new Error('patch must keep the length');
  const out = Buffer.from(zip);
  let at = out.indexOf(a);
  if (at < 0) throw new Error('nothing to patch');
  while (at >= 0) {
    b.copy(out, at);
    at = out.indexOf(a, at + a.length);
  }
  return out;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;

/** Clears the UTF-8 name flag (bit 11) everywhere, as old Windows/Japanese zippers write. */
export function clearUtf8Flag(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === LOCAL) out.writeUInt16LE(out.readUInt16LE(i + 6) & ~0x800, i + 6);
    else if (sig === CENTRAL) out.writeUInt16LE(out.readUInt16LE(i + 8) & ~0x800, i + 8);
  }
  return out;
}

/** Points the n-th central directory record (0-based) at the local header offset given. */
export function setLocalHeaderOffset(zip: Buffer, n: number, offset: number): Buffer {
  const out = Buffer.from(zip);
  let seen = 0;
  for (let i = 0; i + 4 <= out.length; i++) {
    if (out.readUInt32LE(i) !== CENTRAL) continue;
    if (seen++ === n) {
      out.writeUInt32LE(offset, i + 42);
      return out;
    }
  }
  throw new Error('no such central directory record');
}
