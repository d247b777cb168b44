// Engine tests run rules over events written straight into a temporary case (the parsers are
// tested elsewhere; here what matters is what the rule engine makes of given column values).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Finding } from '../../../../electron/common/detect';
import { loadRules, type LoadedRules } from '../../../../electron/engine/detect/sigma/load';
import { sigmaWindowsMapping } from '../../../../electron/engine/detect/sigma/mapping';
import { runCompiledRules } from '../../../../electron/engine/detect/sigma/run';
import { CaseStore } from '../../../../electron/engine/store/case-store';
import { storedExtra } from '../../helpers/extra';

/** Column values of event_row by name; extra as an object (stored as its JSON). */
export type EventInit = { [column: string]: unknown; extra?: Record<string, unknown> };

export interface EngineCase {
  store: CaseStore;
  dir: string;
  /** Inserts events (category defaults to process, action to process_start); returns their ids. */
  add(events: EventInit[]): number[];
  /** Writes rule YAML to a file in the case folder and loads it. */
  rules(yaml: string, name?: string): LoadedRules;
  run(loaded: LoadedRules): Finding[];
  dispose(): void;
}

let clock = Date.parse('2026-10-05T00:00:00Z');

export async function engineCase(): Promise<EngineCase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tracelight-sigma-'));
  const store = await CaseStore.create(path.join(dir, 'engine.tlcase'));
  store.db.run(
    `INSERT INTO evidence (path, name, size, mtime, format, encoding, timezone, base_year, status, added_at)
     VALUES ('test', 'test', 1, '2026-01-01T00:00:00.000Z', 'windows-event-json', 'utf-8', 'UTC', 2026, 'complete', '2026-01-01T00:00:00.000Z')`,
  );
  const evidence = Number(store.scalar('SELECT last_insert_rowid()'));
  let line = 0;
  return {
    store,
    dir,
    add(events) {
      return events.map((e) => {
        const row: Record<string, unknown> = { category: 'process', action: 'process_start', ...e };
        if (row.time === undefined) row.time = new Date((clock += 1000)).toISOString();
        // Stored as the ingest stores it (store/extra/).
        const [shape, values] = storedExtra(store.db, evidence, e.extra === undefined ? null : JSON.stringify(e.extra));
        delete row.extra;
        row.extra_shape = shape;
        row.extra_values = values;
        const cols = Object.keys(row);
        store.db.run(
          `INSERT INTO event_row (evidence_id, time_raw, time_zone, source_line, source_offset, source_length, ${cols.join(', ')})
           VALUES (?, ?, 'UTC', ?, 0, 1, ${cols.map(() => '?').join(', ')})`,
          [evidence, String(row.time), ++line, ...cols.map((c) => row[c] as string | number | null)],
        );
        return Number(store.scalar('SELECT last_insert_rowid()'));
      });
    },
    rules(yaml, name = `rule-${Math.random().toString(36).slice(2)}.yml`) {
      const file = path.join(dir, name);
      writeFileSync(file, yaml);
      return loadRules([file], sigmaWindowsMapping());
    },
    run: (loaded) => runCompiledRules(store, loaded.rules, sigmaWindowsMapping()),
    dispose() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A one-rule YAML document over process creation with the given detection lines. */
export function processRule(detection: string, extra = ''): string {
  return `title: Test rule
id: 00000000-0000-4000-8000-000000000001
logsource:
  category: process_creation
  product: windows
detection:
${detection}
level: high
${extra}`;
}

/** Ids of the events a set of findings lists. */
export function ids(findings: readonly Finding[]): number[] {
  return findings.flatMap((f) => f.event_ids).sort((a, b) => a - b);
}
