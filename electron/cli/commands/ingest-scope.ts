// `ingest --since/--until/--hosts/--ips/--match-ioc`: the import scope (engine/ingest/scope/)
// from the command line, checked before anything is read, so a typo fails with exit 2 instead
// of an ingest that keeps nothing.
import { parseBound, ScopeFilter } from '../../engine/ingest/scope/filter';
import { readIndicatorList } from '../../engine/ingest/scope/ioc-list';
import type { ImportScope } from '../../engine/ingest/scope/types';
import { UsageError } from '../errors';

export interface ScopeArgs {
  since?: string;
  until?: string;
  /** Comma-separated lists. */
  hosts?: string;
  ips?: string;
  matchIoc?: string;
}

function list(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  return items.length ? items : undefined;
}

export function scopeFromArgs(a: ScopeArgs): ImportScope | undefined {
  const scope: ImportScope = {};
  try {
    if (a.since !== undefined) parseBound((scope.since = a.since), '--since');
    if (a.until !== undefined) parseBound((scope.until = a.until), '--until');
    if (scope.since !== undefined && scope.until !== undefined && parseBound(scope.since, '') > parseBound(scope.until, '')) {
      throw new Error(`--since ${scope.since} is after --until ${scope.until}`);
    }
    const hosts = list(a.hosts);
    const ips = list(a.ips);
    if (hosts) scope.hosts = hosts;
    if (ips) scope.ips = ips;
    if (a.matchIoc !== undefined) scope.indicators = readIndicatorList(a.matchIoc);
    // Compiling it checks every address and block.
    new ScopeFilter(scope);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  return Object.keys(scope).length ? scope : undefined;
}
