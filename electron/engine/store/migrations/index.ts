// Numbered migrations, applied in order inside one transaction each. The case file's
// PRAGMA user_version records how far it has been migrated.
import type { Database } from 'sql.js';
import { migration001 } from './001_initial';
import { migration002 } from './002_custody';
import { migration003 } from './003_ip_host';
import { migration004 } from './004_container';
import { migration005 } from './005_ingest_options';
import { migration006 } from './006_import_mapping';
import { migration007 } from './007_detection_review';
import { migration009 } from './009_threaded_comments';
import { migration010 } from './010_incident';
import { migration008 } from './008_search';
import { migration012 } from './012_rollups';
import { migration014 } from './014_minute_category';
import { migration015 } from './015_extra_dictionary';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration012, migration014, migration015];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Database): number {
  return Number(db.exec('PRAGMA user_version')[0]?.values[0]?.[0] ?? 0);
}

/** Brings db up to SCHEMA_VERSION; refuses a case written by a newer Tracelight. */
export function migrate(db: Database): void {
  const current = schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `case schema version ${current} is newer than this Tracelight supports (${SCHEMA_VERSION}); upgrade Tracelight`,
    );
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.exec('BEGIN');
    try {
      db.exec(m.sql);
      db.exec(`PRAGMA user_version = ${m.version}`);
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw new Error(`migration ${m.version} (${m.name}) failed: ${(err as Error).message}`);
    }
  }
}
