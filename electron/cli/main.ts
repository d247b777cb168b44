// The `tracelight` command (contract 1 in ARCHITECTURE.md).
import { parseArgs } from 'node:util';
import { formatsCommand } from './commands/formats';
import { ingestCommand } from './commands/ingest';
import { queryCommand } from './commands/query';
import { serveCommand } from './commands/serve';
import { UsageError } from './errors';
import { VERSION } from '../engine/version';

const HELP = `tracelight ${VERSION} — offline forensic triage workbench

usage:
  tracelight ingest  CASE FILE... [--tz ZONE] [--format ID] [--examiner NAME] [--json]
  tracelight formats [--json]
  tracelight query   CASE SQL [--json | --csv]
  tracelight serve   [--port N] [--case CASE] [--workspace DIR]

CASE is a .tlcase file (SQLite), created by the first ingest.
Exit codes: 0 success, 2 bad usage or unreadable input (one line on stderr per problem).
`;

type Parsed = ReturnType<typeof parse>;

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      tz: { type: 'string' },
      format: { type: 'string' },
      examiner: { type: 'string' },
      json: { type: 'boolean', default: false },
      csv: { type: 'boolean', default: false },
      port: { type: 'string' },
      case: { type: 'string' },
      workspace: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
}

async function run(argv: string[]): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parse(argv);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (values.help || !command) {
    process.stdout.write(HELP);
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case 'ingest': {
      const [casePath, ...files] = rest;
      if (!casePath) throw new UsageError('ingest needs CASE and at least one FILE');
      return ingestCommand({ casePath, files, tz: values.tz, format: values.format, examiner: values.examiner, json: values.json });
    }
    case 'formats':
      return formatsCommand({ json: values.json });
    case 'query': {
      const [casePath, sql, ...extra] = rest;
      if (!casePath || !sql || extra.length) throw new UsageError('query needs CASE and one SQL argument (quote it)');
      if (values.json && values.csv) throw new UsageError('choose one of --json and --csv');
      return queryCommand({ casePath, sql, mode: values.json ? 'json' : values.csv ? 'csv' : 'table' });
    }
    case 'serve': {
      const port = values.port === undefined ? 0 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid --port "${values.port}"`);
      return serveCommand({ port, casePath: values.case, workspace: values.workspace });
    }
    case 'detect':
    case 'tag':
    case 'export':
    case 'verify':
    case 'custody':
      throw new UsageError(`"${command}" is not available in this version of Tracelight yet`);
    default:
      throw new UsageError(`unknown command "${command}" (see tracelight --help)`);
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError || (err instanceof Error && /^(CaseError|UnreadableInputError)$/.test(err.name))) {
      process.stderr.write(`tracelight: ${err.message}\n`);
    } else {
      process.stderr.write(`tracelight: internal error: ${(err as Error)?.message ?? String(err)}\n`);
      if (process.env.TRACELIGHT_DEBUG) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
    }
    process.exitCode = 2;
  },
);
