// The `tracelight` command (contract 1 in ARCHITECTURE.md).
import { parseCommandArgs } from './args';
import { askCommand } from './commands/ask';
import { custodyCommand } from './commands/custody';
import { detectCommand } from './commands/detect';
import { evidenceCommand } from './commands/evidence';
import { exportCommand, parseExportArgs } from './commands/export';
import { facetsMain } from './commands/facets';
import { formatsCommand } from './commands/formats';
import { huntMain } from './commands/hunt';
import { incidentMain } from './commands/incident';
import { iocsMain } from './commands/iocs';
import { reportMain } from './commands/report';
import { ingestCommand } from './commands/ingest';
import { mappingCommand } from './commands/mapping';
import { queryCommand } from './commands/query';
import { serveCommand } from './commands/serve';
import { tagCommand } from './commands/tag';
import { verifyCommand } from './commands/verify';
import { UsageError } from './errors';
import { VERSION } from '../engine/version';

const HELP = `tracelight ${VERSION} — offline forensic triage workbench

usage:
  tracelight ingest  CASE FILE... [--tz ZONE] [--format ID] [--encoding ENC] [--base-year YYYY]
                     [--mapping M.json [--save-mapping NAME]] [--examiner NAME] [--json]
                     [--since T] [--until T] [--hosts H,...] [--ips A,...|CIDR] [--match-ioc FILE]
  tracelight formats [--json]
  tracelight mapping propose FILE [--format generic-csv|generic-json|generic-jsonl] [--encoding ENC] [--json]
  tracelight mapping list CASE [--json] | mapping export CASE NAME
  tracelight query   CASE SQL [--json | --csv]
  tracelight facets  CASE --field host|user|category|action|src_ip|dst_ip|dst_port|domain|tag [--limit N] [--json | --csv]
  tracelight detect  CASE [--ioc FILE]... [--rules FILE_OR_DIR]... [--chain-window HOURS] [--json]
  tracelight tag     CASE EVENT_ID --note TEXT [--label LABEL] [--examiner NAME] [--json]
  tracelight verify  CASE_OR_PACKAGE [--examiner NAME] [--json]
  tracelight custody CASE [--json]
  tracelight ask     CASE QUESTION [--lang ja|en] [--json] [--model-endpoint URL] [--model NAME]
  tracelight evidence CASE [--remove ID] [--skew ID=±HH:MM:SS [--reason TEXT]] [--examiner NAME] [--json]
  tracelight serve   [--port N] [--case CASE | --review PACKAGE] [--workspace DIR] [--examiner NAME]
  tracelight export  CASE [--pdf F] [--xlsx F] [--csv F] [--timesketch F] [--package F] [--ecs F] [--parquet DIR]
                     [--lang en|ja] [--ioc FILE]... [--no-detection] [--force] [--examiner NAME] [--json]
  tracelight incident CASE [--ioc FILE]... [--phase P] [--severity S] [--reason TEXT] [--task-done ID]... [--task-undone ID]...
                     [--asset NAME --status S] [--standard FILE] [--lang en|ja] [--examiner NAME] [--json]
  tracelight iocs    CASE [--ioc FILE]... [--format fortigate|panos-edl|csv|stix|misp [--out F]] [--confirm V]... [--withdraw V]... [--json]
  tracelight hunt    CASE_OR_FOLDER --ioc FILE_OR_CASE... [--json]
  tracelight report  monthly FOLDER --month YYYY-MM [--pdf F] [--xlsx F] [--lang en|ja] [--standard FILE] [--json]

CASE is a .tlcase file (SQLite), created by the first ingest.
The examiner recorded with every action: --examiner, else $TRACELIGHT_EXAMINER, else the OS user.
Exit codes: 0 success, 1 verify/custody found an alteration, 2 bad usage or unreadable input
(one line on stderr per problem).
`;

type Parsed = ReturnType<typeof parse>;

function parse(argv: string[]) {
  return parseCommandArgs(argv, {
    tz: { type: 'string' },
    ioc: { type: 'string', multiple: true },
    rules: { type: 'string', multiple: true },
    'chain-window': { type: 'string' },
    format: { type: 'string' },
    examiner: { type: 'string' },
    note: { type: 'string' },
    label: { type: 'string' },
    remove: { type: 'string' },
    encoding: { type: 'string' },
    'base-year': { type: 'string' },
    mapping: { type: 'string' },
    'save-mapping': { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    hosts: { type: 'string' },
    ips: { type: 'string' },
    'match-ioc': { type: 'string' },
    skew: { type: 'string' },
    reason: { type: 'string' },
    json: { type: 'boolean', default: false },
    csv: { type: 'boolean', default: false },
    port: { type: 'string' },
    case: { type: 'string' },
    workspace: { type: 'string' },
    review: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
    version: { type: 'boolean', short: 'v', default: false },
  });
}

async function run(argv: string[]): Promise<number> {
  // export's --csv takes a file name (query's is a flag), so export parses its own options.
  if (argv[0] === 'export' && !argv.includes('--help') && !argv.includes('-h')) return exportCommand(parseExportArgs(argv.slice(1)));
  // The incident commands parse their own options too (see commands/incident-args.ts).
  const own = ({ incident: incidentMain, iocs: iocsMain, hunt: huntMain, report: reportMain, ask: askCommand, facets: facetsMain } as Record<string, (a: string[]) => Promise<number>>)[argv[0] ?? ''];
  if (own && !argv.includes('--help') && !argv.includes('-h')) return own(argv.slice(1));
  const parsed: Parsed = parse(argv);
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
      return ingestCommand({
        casePath,
        files,
        tz: values.tz,
        format: values.format,
        encoding: values.encoding,
        baseYear: values['base-year'],
        mapping: values.mapping,
        saveMapping: values['save-mapping'],
        examiner: values.examiner,
        json: values.json,
        scope: { since: values.since, until: values.until, hosts: values.hosts, ips: values.ips, matchIoc: values['match-ioc'] },
      });
    }
    case 'formats':
      return formatsCommand({ json: values.json });
    case 'mapping': {
      const [sub, ...args] = rest;
      return mappingCommand({ sub, rest: args, format: values.format, encoding: values.encoding, json: values.json });
    }
    case 'query': {
      const [casePath, sql, ...extra] = rest;
      if (!casePath || !sql || extra.length) throw new UsageError('query needs CASE and one SQL argument (quote it)');
      if (values.json && values.csv) throw new UsageError('choose one of --json and --csv');
      return queryCommand({ casePath, sql, mode: values.json ? 'json' : values.csv ? 'csv' : 'table' });
    }
    case 'serve': {
      const port = values.port === undefined ? 0 : Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid --port "${values.port}"`);
      if (values.case && values.review) throw new UsageError('choose one of --case and --review');
      return serveCommand({ port, casePath: values.case, workspace: values.workspace, examiner: values.examiner, reviewPackage: values.review });
    }
    case 'tag': {
      const [casePath, eventId, ...extra] = rest;
      if (!casePath || !eventId || extra.length) throw new UsageError('tag needs CASE and one EVENT_ID');
      return tagCommand({ casePath, eventId, note: values.note, label: values.label, examiner: values.examiner, json: values.json });
    }
    case 'verify': {
      const [target, ...extra] = rest;
      if (!target || extra.length) throw new UsageError('verify needs one PACKAGE_OR_CASE');
      return verifyCommand({ target, examiner: values.examiner, json: values.json });
    }
    case 'custody': {
      const [casePath, ...extra] = rest;
      if (!casePath || extra.length) throw new UsageError('custody needs one CASE');
      return custodyCommand({ casePath, json: values.json });
    }
    case 'evidence': {
      const [casePath, ...extra] = rest;
      if (!casePath || extra.length) throw new UsageError('evidence needs one CASE');
      return evidenceCommand({
        casePath,
        remove: values.remove,
        skew: values.skew,
        reason: values.reason,
        examiner: values.examiner,
        json: values.json,
      });
    }
    case 'detect': {
      const [casePath, ...extra] = rest;
      if (!casePath || extra.length) throw new UsageError('detect needs one CASE (indicator files go after --ioc)');
      const window = values['chain-window'];
      if (window !== undefined && !(Number(window) > 0)) throw new UsageError(`--chain-window wants a number of hours above 0, not "${window}"`);
      return detectCommand({ casePath, iocFiles: values.ioc ?? [], ruleFiles: values.rules ?? [], json: values.json, ...(window !== undefined ? { chainWindowHours: Number(window) } : {}) });
    }
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
