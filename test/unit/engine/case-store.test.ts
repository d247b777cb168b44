import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseStore } from '../../../electron/engine/store/case-store';
import { SCHEMA_VERSION, schemaVersion } from '../../../electron/engine/store/migrations';
import { tempDir } from '../helpers/tmp';

describe('CaseStore', () => {
  it('creates a case file that reopens with its metadata and schema', async () => {
    const dir = tempDir();
    const file = path.join(dir, '事件 2026.tlcase');
    const created = await CaseStore.create(file, { name: '事件 2026', timezone: 'Asia/Tokyo' });
    const meta = created.meta();
    created.close();
    const reopened = await CaseStore.open(file);
    expect(reopened.meta()).toEqual(meta);
    expect(meta.timezone).toBe('Asia/Tokyo');
    expect(schemaVersion(reopened.db)).toBe(SCHEMA_VERSION);
    const cols = reopened.all<{ name: string }>("SELECT name FROM pragma_table_info('events')").map((r) => r.name);
    for (const c of ['id', 'time', 'host', 'user', 'category', 'action', 'process_name', 'src_ip', 'dst_port', 'url', 'source_file', 'source_format', 'source_line']) {
      expect(cols).toContain(c);
    }
    reopened.close();
  });

  it('saves atomically: no temp files are left and the file is a valid SQLite database', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'c.tlcase');
    const store = await CaseStore.create(file);
    store.setMeta('note', 'x'.repeat(100_000));
    store.save();
    store.close();
    expect(readdirSync(dir)).toEqual(['c.tlcase']);
    expect(readFileSync(file).subarray(0, 15).toString()).toBe('SQLite format 3');
    // The stock sqlite3 shell (installed by .ci/run) opens it: no Tracelight needed.
    const tables = execFileSync('sqlite3', [file, '.tables'], { encoding: 'utf8' }).split(/\s+/);
    expect(tables).toEqual(expect.arrayContaining(['events', 'event_row', 'evidence', 'rejected_record', 'case_meta']));
  });

  it('refuses a file that is not a case, naming it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.tlcase');
    writeFileSync(file, 'just some text, not sqlite'.repeat(10));
    await expect(CaseStore.open(file)).rejects.toThrow(/notes\.tlcase: not a Tracelight case/);
  });

  it('refuses a case from a newer schema version', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'future.tlcase');
    const store = await CaseStore.create(file);
    store.db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    store.save();
    store.close();
    await expect(CaseStore.open(file)).rejects.toThrow(/newer than this Tracelight supports/);
  });
});
