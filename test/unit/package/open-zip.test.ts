import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openZip, type SafeZip } from '../../../electron/engine/zip';
import { tempDir } from '../helpers/tmp';
import { clearUtf8Flag, makeZip, patchBytes, setLocalHeaderOffset } from './zip-craft';

async function readAll(zip: SafeZip, name: string): Promise<Buffer> {
  const entry = zip.entries.find((e) => e.name === name);
  if (!entry) throw new Error(`no entry ${name}`);
  const chunks: Buffer[] = [];
  for await (const c of await zip.openEntry(entry)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('openZip', () => {
  // tempDir() registers its own cleanup after the test that calls it.
  const write = (name: string, data: Buffer): string => {
    const file = path.join(tempDir(), name);
    writeFileSync(file, data);
    return file;
  };

  it('lists entries with their names and streams their content', async () => {
    const file = write('ok.zip', await makeZip([
      { name: 'logs/access.log', data: 'GET /a\nGET /b\n' },
      { name: 'logs/請求書.txt', data: '請求書を開いた', compress: false },
    ]));
    const zip = await openZip(file);
    try {
      expect(zip.entries.map((e) => e.name)).toEqual(['logs/access.log', 'logs/請求書.txt']);
      expect(zip.entries[0]!.size).toBe(14);
      expect((await readAll(zip, 'logs/access.log')).toString()).toBe('GET /a\nGET /b\n');
      expect((await readAll(zip, 'logs/請求書.txt')).toString()).toBe('請求書を開いた');
    } finally {
      zip.close();
    }
  });

  it('reads Shift_JIS names written without the UTF-8 flag (Japanese Windows zips)', async () => {
    const sjis = Buffer.from([0x90, 0xbf, 0x8b, 0x81, 0x8f, 0x91, 0x2e, 0x74, 0x78, 0x74]); // 請求書.txt
    const file = write('sjis.zip', clearUtf8Flag(patchBytes(await makeZip([{ name: 'abcdef.txt', data: 'x' }]), 'abcdef.txt', sjis)));
    const zip = await openZip(file);
    expect(zip.entries[0]!.name).toBe('請求書.txt');
    zip.close();
  });

  it.each([
    ['xx/evil.sh', '../evil.sh', /"\.\.\/evil\.sh": ".." path component/],
    ['xetc/passwd', '/etc/passwd', /"\/etc\/passwd": absolute path/],
    ['xxWindows', 'C:Windows', /"C:Windows": drive-letter path/],
    ['ab..xxevil', 'a\\..\\.evil', /backslash in the entry name/],
  ])('refuses a hostile entry name (%s -> %s) naming the entry', async (placeholder, hostile, message) => {
    const file = write('hostile.zip', patchBytes(await makeZip([{ name: 'fine.txt', data: 'ok' }, { name: placeholder, data: 'pwned' }]), placeholder, hostile));
    await expect(openZip(file)).rejects.toThrow(message);
    await expect(openZip(file)).rejects.toThrow(/hostile\.zip: refused: entry/);
  });

  it('refuses an entry that inflates past the ratio cap, before inflating it', async () => {
    const file = write('bomb.zip', await makeZip([{ name: 'zeros.bin', data: Buffer.alloc(8 << 20) }]));
    await expect(openZip(file)).rejects.toThrow(/bomb\.zip: refused: entry "zeros\.bin" inflates \d+ bytes to 8388608 \(past 1000:1, possible decompression bomb\)/);
    // A caller that only lists (the package writer's self-check) can lift the cap.
    const listed = await openZip(file, { maxRatio: Infinity });
    expect(listed.entries[0]!.size).toBe(8 << 20);
    listed.close();
  });

  it('refuses overlapping entries (non-recursive zip bomb)', async () => {
    const file = write('overlap.zip', setLocalHeaderOffset(await makeZip([{ name: 'a.txt', data: 'aaaa' }, { name: 'b.txt', data: 'bbbb' }]), 1, 0));
    await expect(openZip(file)).rejects.toThrow(/overlap\.zip: refused: entry "[ab]\.txt" overlaps another entry/);
  });

  it('refuses a name that appears twice', async () => {
    const file = write('dup.zip', patchBytes(await makeZip([{ name: 'a.txt', data: '1' }, { name: 'b.txt', data: '2' }]), 'b.txt', 'a.txt'));
    await expect(openZip(file)).rejects.toThrow(/"a\.txt" appears more than once/);
  });

  it('refuses a declared size the data exceeds, while streaming', async () => {
    // The central directory and local header say 4 bytes; the deflated data holds 5000.
    const data = Buffer.alloc(5000, 0x41);
    let zip = await makeZip([{ name: 'lie.txt', data }]);
    const size = Buffer.alloc(4);
    size.writeUInt32LE(5000);
    const small = Buffer.alloc(4);
    small.writeUInt32LE(4);
    zip = patchBytes(zip, size, small);
    const opened = await openZip(write('lie.zip', zip));
    await expect(readAll(opened, 'lie.txt')).rejects.toThrow(/lie\.zip: entry "lie\.txt"/);
    opened.close();
  });

  it('says clearly when a file is not a zip, or is truncated', async () => {
    await expect(openZip(write('text.zip', Buffer.from('not a zip at all')))).rejects.toThrow(/text\.zip: not a readable zip/);
    const good = await makeZip([{ name: 'a.txt', data: 'hello' }]);
    await expect(openZip(write('cut.zip', good.subarray(0, good.length - 30)))).rejects.toThrow(/cut\.zip: not a readable zip/);
  });
});
