// A package someone changed after it was made: a flipped byte, a removed file, an added
// file, an edited custody entry. Each is rewritten with an ordinary zip library (yazl),
// exactly as a tamperer would, and verify must name what changed.
import { appendFileSync, mkdtempSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote } from '../../../electron/engine/custody/actions';
import { CaseSession } from '../../../electron/engine/custody/session';
import { verifyPackage } from '../../../electron/engine/export/package/verify-package';
import { writeEvidencePackage } from '../../../electron/engine/export/package/write-package';
import { buildPackagedCase, JAPANESE_EVIDENCE, readEntries, writeEntries, type PackagedCase } from './package-fixture';

const EVIDENCE = `data/evidence/EX-001_${JAPANESE_EVIDENCE}`;

describe('verifying a tampered package', () => {
  let dir: string;
  let pkg: PackagedCase;
  let entries: Map<string, Buffer>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tracelight-tamper-'));
    pkg = await buildPackagedCase(dir);
    entries = await readEntries(pkg.packagePath);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function tampered(name: string, change: (m: Map<string, Buffer>) => void): Promise<string> {
    const copy = new Map([...entries].map(([k, v]) => [k, Buffer.from(v)]));
    change(copy);
    const file = path.join(dir, name);
    await writeEntries(file, copy);
    return file;
  }

  it('an untouched rewrite still verifies (the check is of content, not of zip bytes)', async () => {
    const v = await verifyPackage(await tampered('same.zip', () => undefined));
    expect(v.ok).toBe(true);
  });

  it('a flipped byte in an original', async () => {
    const v = await verifyPackage(
      await tampered('flipped.zip', (m) => {
        const b = m.get(EVIDENCE)!;
        b[100] = b[100]! ^ 0x01;
      }),
    );
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([expect.objectContaining({ kind: 'changed', path: EVIDENCE })]);
    expect(v.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['SHA256SUMS', 'BagIt', 'data/manifest.json']);
  });

  it('a removed file', async () => {
    const v = await verifyPackage(await tampered('removed.zip', (m) => m.delete('data/report/report.pdf')));
    expect(v.ok).toBe(false);
    expect(v.problems).toContainEqual(expect.objectContaining({ kind: 'missing', path: 'data/report/report.pdf' }));
    // Payload-Oxum counts the payload too.
    expect(v.problems).toContainEqual(expect.objectContaining({ kind: 'mismatch', path: 'bag-info.txt' }));
  });

  it('an added file, in the payload or at the root', async () => {
    const v = await verifyPackage(
      await tampered('added.zip', (m) => {
        m.set('data/evidence/EX-002_planted.log', Buffer.from('planted\n'));
        m.set('notes.txt', Buffer.from('extra'));
      }),
    );
    expect(v.ok).toBe(false);
    const added = v.problems.filter((p) => p.kind === 'added').map((p) => p.path);
    expect(added.sort()).toEqual(['data/evidence/EX-002_planted.log', 'notes.txt']);
  });

  it('an edited custody entry, even with every checksum list updated to match', async () => {
    const { createHash } = await import('node:crypto');
    const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
    const file = await tampered('custody.zip', (m) => {
      const log = m.get('data/custody/custody-log.jsonl')!.toString('utf8').replace('請求書を開いた', '請求書を閉じた');
      const newLog = Buffer.from(log);
      const oldHash = sha(m.get('data/custody/custody-log.jsonl')!);
      m.set('data/custody/custody-log.jsonl', newLog);
      // Re-point every list at the new bytes (manifest.json, then the lists that cover it).
      const swap = (name: string, from: string, to: string): void => void m.set(name, Buffer.from(m.get(name)!.toString('utf8').split(from).join(to)));
      const oldManifest = sha(m.get('data/manifest.json')!);
      swap('data/manifest.json', oldHash, sha(newLog));
      const oldBagManifest = sha(m.get('manifest-sha256.txt')!);
      swap('manifest-sha256.txt', oldHash, sha(newLog));
      swap('manifest-sha256.txt', oldManifest, sha(m.get('data/manifest.json')!));
      swap('tagmanifest-sha256.txt', oldBagManifest, sha(m.get('manifest-sha256.txt')!));
      m.set('SHA256SUMS', Buffer.from([...m].filter(([n]) => n !== 'SHA256SUMS').map(([n, b]) => `${sha(b)}  ${n}\n`).join('')));
    });
    const v = await verifyPackage(file);
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([expect.objectContaining({ kind: 'custody', detail: expect.stringMatching(/custody chain broken at entry \d+: entry \d+ was altered/) })]);
  });

  it('a package whose original no longer matches the case is refused, naming the file, and nothing is written', async () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'tracelight-refuse-'));
    try {
      const built = await buildPackagedCase(d);
      appendFileSync(built.evidencePath, 'one more line\n');
      const session = await CaseSession.open(built.casePath, { examiner: 'Alice Smith' });
      try {
        addNote(session, 2, 'later note');
        const target = path.join(d, 'second.zip');
        await expect(writeEvidencePackage(session, target, { language: 'en', detection: null })).rejects.toThrow(
          new RegExp(`EX-001 ${JAPANESE_EVIDENCE} \\(${built.evidencePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\): altered since ingest`),
        );
        expect(existsSync(target)).toBe(false);
        // No staging folder or partial zip is left behind (the open case's own working copy,
        // holding the note not yet saved, is the session's, not the package's).
        const workingCopy = `.${path.basename(built.casePath)}.${process.pid}.`;
        expect(readdirSync(d).filter((n) => n.startsWith('.') && !n.startsWith(workingCopy))).toEqual([]);
        rmSync(built.evidencePath);
        await expect(writeEvidencePackage(session, target, { language: 'en', detection: null })).rejects.toThrow(/cannot be read \(ENOENT\)/);
      } finally {
        session.close();
      }
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  }, 120_000);

  it('a hostile zip (traversal entry) is refused with the entry named, not verified', async () => {
    const file = await tampered('hostile.zip', (m) => m.set('data/xx/evil.sh', Buffer.from('#!/bin/sh\n')));
    const bytes = (await import('node:fs')).readFileSync(file);
    const patched = Buffer.from(bytes.toString('latin1').split('data/xx/evil.sh').join('data/../evil.sh'), 'latin1');
    writeFileSync(file, patched);
    await expect(verifyPackage(file)).rejects.toThrow(/hostile\.zip: refused: entry "data\/\.\.\/evil\.sh": "\.\." path component/);
  });
});
