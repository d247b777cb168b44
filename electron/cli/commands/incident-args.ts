// Option parsing shared by the incident commands (incident, iocs, hunt, report): each parses its
// own options, so their names (--format, --out, --pdf) never collide with other commands'.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors';

export interface Parsed {
  positionals: string[];
  str(name: string): string | undefined;
  list(name: string): string[];
  flag(name: string): boolean;
}

export function parseCommand(argv: string[], options: NonNullable<ParseArgsConfig['options']>): Parsed {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { json: { type: 'boolean', default: false }, ...options } });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const values = parsed.values as Record<string, string | boolean | (string | boolean)[] | undefined>;
  return {
    positionals: parsed.positionals,
    str: (n) => (typeof values[n] === 'string' ? (values[n] as string) : undefined),
    list: (n) => (Array.isArray(values[n]) ? (values[n] as string[]) : typeof values[n] === 'string' ? [values[n] as string] : []),
    flag: (n) => values[n] === true,
  };
}

export function langOf(v: string | undefined): 'en' | 'ja' {
  if (v === undefined) return 'en';
  if (v !== 'en' && v !== 'ja') throw new UsageError(`--lang is en or ja, not "${v}"`);
  return v;
}
