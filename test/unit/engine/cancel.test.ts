// Cancelling an ingest (the UI's Cancel button: ingest.cancel; the CLI: Ctrl+C): the file being
// read is rolled back, custody records the cancellation, the registry keeps one removable
// "incomplete" row, and the case reopens with its chain intact.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeEvidence } from '../../../electron/engine/custody/actions';
import { ingestWithCustody } from '../../../electron/engine/custody/ingest-custody';
import { CaseSession } from '../../../electron/engine/custody/session';
import { IngestCancelledError } from '../../../electron/engine/errors';
import { createEngineService } from '../../../electron/engine/rpc/service';
import { listEvidence } from '../../../electron/engine/store/evidence-registry';
import { CLI, REPO_ROOT } from '../helpers/cli';
import { samplePath } from '../helpers/samples';
import { tempDir } from '../helpers/tmp';

const SQUID = readFileSync(samplePath('squid_native', 'logscale_squid_access.log'));

/** A Squid log of about `mib` MiB (the sample repeated): long enough to cancel mid-way. */
function bigLog(dir: string, mib: number): string {
  const file = path.join(dir, 'big_access.log');
  writeFileSync(file, Buffer.concat(Array.from({ length: Math.ceil((mib << 20) / SQUID.length) }, () => SQUID)));
  return file;
}

function actions(s: CaseSession): string[] {
  return s.entries().map((e) => e.action);
}

describe('cancelling an ingest', () => {
  it('rolls the file back, records it, and leaves one removable incomplete row', async () => {
    const dir = tempDir();
    const big = bigLog(dir, 8);
    const small = path.join(dir, 'access.log');
    writeFileSync(small, SQUID);
    const c = path.join(dir, 'c.tlcase');
    const s = await CaseSession.open(c, { examiner: 'A', create: { timezone: 'UTC' } });
    await ingestWithCustody(s, { path: small, timezone: 'UTC' });
    const cancel = new AbortController();
    const err = await ingestWithCustody(s, { path: big, timezone: 'UTC', signal: cancel.signal, onProgress: () => cancel.abort() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngestCancelledError);
    expect(actions(s).slice(-3)).toEqual(['ingest.started', 'ingest.cancelled', 'evidence.incomplete']);
    // Only the first file's events: nothing of the cancelled one was kept.
    expect(Number(s.store.scalar('SELECT count(*) FROM event_row'))).toBe(SQUID.toString().trim().split('\n').length);
    const rows = listEvidence(s.store);
    expect(rows.map((r) => [r.name, r.status])).toEqual([['access.log', 'complete'], ['big_access.log', 'incomplete']]);
    removeEvidence(s, rows[1]!.id);
    expect(listEvidence(s.store).map((r) => r.name)).toEqual(['access.log']);
    s.close();
    const again = await CaseSession.open(c, { examiner: 'B' });
    expect(again.chain.ok).toBe(true);
    expect(again.readOnly).toBe(false);
    again.close();
  });

  it('from the UI: ingest.cancel stops the running job by its id', async () => {
    const dir = tempDir();
    const big = bigLog(dir, 8);
    const engine = createEngineService({ mode: 'desktop', workspaceDir: dir });
    await engine.handlers['case.create']({ name: 'cancel', timezone: 'UTC' });
    let asked: Promise<{ cancelled: boolean }> | null = null;
    engine.onEvent((name) => {
      if (name === 'ingest.progress' && !asked) asked = engine.handlers['ingest.cancel']({ jobId: 'job-1' });
    });
    const [result] = await engine.handlers['ingest.files']({ jobId: 'job-1', files: [{ path: big }] });
    expect(await asked).toEqual({ cancelled: true });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^cancelled by the examiner/) });
    expect((await engine.handlers['evidence.list']({})).map((e) => e.status)).toEqual(['incomplete']);
    expect(await engine.handlers['ingest.cancel']({ jobId: 'job-1' })).toEqual({ cancelled: false });
    engine.close();
  });

  it('from the CLI: Ctrl+C cancels, exits 130 with one line, and the case stays consistent', async () => {
    if (!existsSync(path.join(REPO_ROOT, 'dist', 'cli', 'tracelight.mjs'))) throw new Error('dist/ is missing: run `npm run build`');
    const dir = tempDir();
    const big = bigLog(dir, 160);
    const c = path.join(dir, 'c.tlcase');
    const child = spawn(process.execPath, [CLI, 'ingest', c, big, '--tz', 'UTC', '--examiner', 'A'], { cwd: REPO_ROOT });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
    // Interrupt once the ingest has started (its custody entry is journaled first).
    for (let i = 0; i < 400 && !(existsSync(`${c}.journal`) && readFileSync(`${c}.journal`, 'utf8').includes('ingest.started')); i++) {
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/cancelling the ingest/);
    expect(stderr).toMatch(/big_access\.log: cancelled by the examiner/);
    const s = await CaseSession.open(c, { readOnly: true });
    expect(s.chain.ok).toBe(true);
    expect(actions(s)).toContain('ingest.cancelled');
    expect(listEvidence(s.store).map((r) => r.status)).toEqual(['incomplete']);
    expect(Number(s.store.scalar('SELECT count(*) FROM event_row'))).toBe(0);
    s.close();
  }, 120_000);
});
