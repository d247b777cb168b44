// Builds a case from an incident fixture folder with the real CLI and runs `detect --json`.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { DetectResult } from '../../../electron/common/detect';
import { REPO_ROOT, tracelight } from '../helpers/cli';

export const INCIDENTS = path.join(REPO_ROOT, 'test', 'fixtures', 'incidents');

export interface IncidentCase {
  dir: string;
  casePath: string;
  detect(args?: string[]): DetectResult & { stderr: string };
  query<T>(sql: string): T[];
}

/** Ingests each group of files (with its --tz) into one case; removed after the file's tests. */
export function buildCase(scenario: string, groups: { files: RegExp; tz?: string }[]): IncidentCase {
  const dir = mkdtempSync(path.join(os.tmpdir(), `tracelight-${scenario}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const casePath = path.join(dir, 'incident.tlcase');
  const src = path.join(INCIDENTS, scenario);
  const all = readdirSync(src).sort();
  for (const g of groups) {
    const files = all.filter((f) => g.files.test(f)).map((f) => path.join(src, f));
    if (files.length === 0) throw new Error(`no fixture matches ${g.files}`);
    const r = tracelight(['ingest', casePath, ...files, ...(g.tz ? ['--tz', g.tz] : []), '--json']);
    if (r.code !== 0) throw new Error(`ingest failed: ${r.stderr}`);
    for (const f of JSON.parse(r.stdout).files as { path: string; rejected: number }[]) {
      if (f.rejected !== 0) throw new Error(`${f.path}: ${f.rejected} rejected records`);
    }
  }
  return {
    dir,
    casePath,
    detect(args = []) {
      const r = tracelight(['detect', casePath, ...args, '--json']);
      if (r.code !== 0) throw new Error(`detect failed (${r.code}): ${r.stderr}`);
      return { ...(JSON.parse(r.stdout) as DetectResult), stderr: r.stderr };
    },
    query<T>(sql: string) {
      const r = tracelight(['query', casePath, sql, '--json']);
      if (r.code !== 0) throw new Error(r.stderr);
      return JSON.parse(r.stdout) as T[];
    },
  };
}

export const fixture = (scenario: string, name: string) => path.join(INCIDENTS, scenario, name);
