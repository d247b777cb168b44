// Reviewer mode in the engine: a package opens verified and read-only; every call that would
// change the case is refused; nothing on disk changes; leaving removes the extracted copy.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Args, Method } from '../../../electron/common/protocol';
import { reviewUploadDir } from '../../../electron/engine/review/open-review';
import { createEngineService, type EngineService } from '../../../electron/engine/rpc/service';
import { buildPackagedCase, JAPANESE_EVIDENCE, JAPANESE_NOTE, readEntries, writeEntries, type PackagedCase } from './package-fixture';

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('reviewer mode (engine)', () => {
  let dir: string;
  let pkg: PackagedCase;
  let service: EngineService;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tracelight-review-test-'));
    pkg = await buildPackagedCase(dir);
    service = createEngineService({ mode: 'serve', workspaceDir: path.join(dir, 'workspace'), reviewPackage: pkg.packagePath, examiner: 'Counsel' });
    await service.start();
  }, 120_000);
  afterAll(() => {
    service?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(reviewUploadDir(), { recursive: true, force: true });
  });

  const call = <M extends Method>(m: M, args: Args<M>): Promise<unknown> => (service.handlers[m] as (a: Args<M>) => Promise<unknown>)(args);

  it('opens the package verified and read-only, with its tagged evidence, timeline and custody log', async () => {
    const info = (await service.handlers['case.current']({}))!;
    expect(info.readOnly).toBe(true);
    expect(info.readOnlyReason).toBe('reviewer mode: evidence package package.zip (verified intact)');
    expect(info.review).toMatchObject({ packageName: 'package.zip', hasReport: true, verification: { ok: true } });
    expect(info.name).toBe('インシデント 2026-041');
    expect(info.events).toBeGreaterThan(0);
    const bookmarks = await service.handlers['bookmarks.list']({});
    expect(bookmarks[0]!.notes[0]!.text).toBe(JAPANESE_NOTE);
    expect(bookmarks[0]!.tags[0]!.label).toBe('evidence');
    const log = await service.handlers['custody.log']({});
    expect(log.status).toMatchObject({ ok: true, count: info.review!.verification.manifest!.custody.count });
    expect((await service.handlers['events.keyset']({ at: { kind: 'first' }, limit: 5 })).rows).toHaveLength(5);
    // The originals are judged in the package (the reviewer has no original paths).
    const verified = await service.handlers['evidence.verify']({});
    expect(verified).toEqual([expect.objectContaining({ status: 'intact', path: `data/evidence/EX-001_${JAPANESE_EVIDENCE}` })]);
    expect(readFileSync(service.reviewReportFile()!).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses every call that would change the case, and nothing changes on disk', async () => {
    const before = { pkg: sha(pkg.packagePath), case: sha(pkg.casePath), custody: (await service.handlers['custody.log']({})).entries.length };
    const [mark] = await service.handlers['bookmarks.list']({});
    const writes: [Method, unknown][] = [
      ['tags.add', { eventId: 1, label: 'benign' }],
      ['tags.remove', { tagId: mark!.tags[0]!.id }],
      ['notes.add', { eventId: 1, text: '改ざん' }],
      ['notes.edit', { noteId: mark!.notes[0]!.id, text: '改ざん' }],
      ['case.edit', { changes: { name: 'renamed' } }],
      ['evidence.edit', { evidenceId: 1, changes: { exhibit: 'EX-999' } }],
      ['evidence.remove', { evidenceId: 1 }],
      ['evidence.skew', { evidenceId: 1, skewMs: 60_000 }],
      ['ingest.files', { jobId: 'j', files: [{ path: pkg.evidencePath }] }],
    ];
    // Each is refused: valid requests by the read-only session, the rest already by validation.
    for (const [method, args] of writes) await expect(call(method, args as never), method).rejects.toThrow();
    await expect(call('tags.add', { eventId: 1, label: 'benign' })).rejects.toThrow(/case is read-only: reviewer mode: evidence package package\.zip/);
    await expect(call('notes.add', { eventId: 1, text: '改ざん' })).rejects.toThrow(/case is read-only: reviewer mode/);
    expect((await service.handlers['custody.log']({})).entries.length).toBe(before.custody);
    expect(sha(pkg.packagePath)).toBe(before.pkg);
    expect(sha(pkg.casePath)).toBe(before.case);
    expect((await service.handlers['bookmarks.list']({}))[0]!.notes[0]!.text).toBe(JAPANESE_NOTE);
  });

  it('in serve mode opens only packages uploaded for review', async () => {
    await expect(service.handlers['review.open']({ path: path.join(dir, 'インシデント.tlcase') })).rejects.toThrow(/only packages uploaded for review/);
    const uploaded = path.join(reviewUploadDir(), 'upload.zip');
    copyFileSync(pkg.packagePath, uploaded);
    const info = await service.handlers['review.open']({ path: uploaded });
    expect(info.review?.packageName).toBe('upload.zip');
  });

  it('shows a tampered package as FAILED, naming what changed, still read-only', async () => {
    const entries = await readEntries(pkg.packagePath);
    const b = entries.get(`data/evidence/EX-001_${JAPANESE_EVIDENCE}`)!;
    b[10] = b[10]! ^ 0xff;
    const tampered = path.join(reviewUploadDir(), 'tampered.zip');
    await writeEntries(tampered, entries);
    const info = await service.handlers['review.open']({ path: tampered });
    expect(info.readOnlyReason).toBe('reviewer mode: evidence package tampered.zip (verification FAILED)');
    expect(info.review!.verification.problems).toEqual([expect.objectContaining({ kind: 'changed', path: `data/evidence/EX-001_${JAPANESE_EVIDENCE}` })]);
    expect(await service.handlers['evidence.verify']({})).toEqual([expect.objectContaining({ status: 'altered' })]);
  });

  it('leaving reviewer mode removes the extracted copy', async () => {
    const report = service.reviewReportFile()!;
    expect(existsSync(report)).toBe(true);
    await service.handlers['review.close']({});
    expect(await service.handlers['case.current']({})).toBeNull();
    expect(existsSync(path.dirname(report))).toBe(false);
  });

  it('says clearly when the file is not a package', async () => {
    const notZip = path.join(reviewUploadDir(), 'notes.zip');
    copyFileSync(pkg.evidencePath, notZip);
    await expect(service.handlers['review.open']({ path: notZip })).rejects.toThrow(/notes\.zip: not a readable zip/);
  });
});
