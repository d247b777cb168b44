// Writes a file so that a crash leaves either the old or the new version, never a torn
// one: temp file beside the target, fsync, rename over the target, fsync the directory.
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export function writeFileAtomic(target: string, data: Uint8Array): void {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    let written = 0;
    while (written < data.length) {
      written += writeSync(fd, data, written, Math.min(data.length - written, 8 << 20));
    }
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    unlinkSync(temp);
    throw err;
  }
  closeSync(fd);
  renameSync(temp, target);
  fsyncDirectory(dir);
}

export function fsyncDirectory(dir: string): void {
  // Makes the rename itself durable. Not possible on Windows; harmless to skip there.
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    /* directory fsync unsupported on this platform */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
