// A case built from the detection-rule fixtures (test/fixtures/detect/rules/), ingested through
// the real format parsers, so that rules are tested on events exactly as each source maps them.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Finding } from '../../../../electron/common/detect';
import { ingestFile } from '../../../../electron/engine/ingest/file-ingest';
import { CaseStore } from '../../../../electron/engine/store/case-store';
import { repoRoot } from '../../helpers/samples';

export const RULE_FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'detect', 'rules');

export interface FixtureCase {
  store: CaseStore;
  dispose(): void;
}

/** Ingests every fixture file (or the named ones) into a new temporary case. */
export async function fixtureCase(files?: string[]): Promise<FixtureCase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tracelight-rules-'));
  const store = await CaseStore.create(path.join(dir, 'rules.tlcase'));
  const names = files ?? readdirSync(RULE_FIXTURES).filter((f) => !f.endsWith('.md'));
  for (const name of names) {
    const summary = await ingestFile(store, { path: path.join(RULE_FIXTURES, name), timezone: 'UTC' });
    if (summary.rejected > 0) throw new Error(`${name}: ${summary.rejected} records rejected`);
  }
  return {
    store,
    dispose: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Hosts a rule's findings name. */
export function hostsOf(findings: readonly Finding[], ruleId: string): (string | null)[] {
  return findings.filter((f) => f.rule === ruleId).map((f) => f.host);
}

/** A column of the events a rule's findings list (url, src_ip...), for sources without hosts. */
export function eventValues(store: CaseStore, findings: readonly Finding[], ruleId: string, column: string): string[] {
  const ids = findings.filter((f) => f.rule === ruleId).flatMap((f) => f.event_ids);
  if (ids.length === 0) return [];
  const rows = store.all<{ v: string }>(`SELECT ${column} AS v FROM events WHERE id IN (${ids.map(() => '?').join(',')})`, ids);
  return rows.map((r) => String(r.v));
}
