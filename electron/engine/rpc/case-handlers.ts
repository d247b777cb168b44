// The case calls of the RPC: which engine this is, the open case, the workspace's cases,
// creating and opening one, the acting examiner, the case's own fields; and the formats list.
import { CodedError } from '../coded-error';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { editCase } from '../custody/actions';
import { FORMATS } from '../formats/registry';
import { isValidTimeZone } from '../time/zone';
import { VERSION } from '../version';
import type { HandlerContext, HandlerImpl } from './context';
import { safeFileName } from './safe-file-name';

export type CaseMethod = 'app.info' | 'case.current' | 'case.list' | 'case.create' | 'case.open' | 'case.setExaminer' | 'case.edit' | 'formats.list';

export function createCaseHandlers(ctx: HandlerContext): Pick<HandlerImpl, CaseMethod> {
  return {
    'app.info': async () => ({ version: VERSION, mode: ctx.mode() }),
    'case.current': async () => ctx.caseInfo(),
    'case.list': async () => {
      const dir = ctx.workspaceDir();
      mkdirSync(dir, { recursive: true });
      return readdirSync(dir)
        .filter((f) => f.toLowerCase().endsWith('.tlcase'))
        .map((f) => {
          const full = path.join(dir, f);
          const st = statSync(full);
          return { path: full, name: f.replace(/\.tlcase$/i, ''), size: st.size, modified: st.mtime.toISOString() };
        })
        .sort((a, b) => b.modified.localeCompare(a.modified));
    },
    'case.create': (args) =>
      ctx.serial(async () => {
        const name = String(args.name ?? '').trim();
        if (!name) throw new CodedError('a case needs a name', { code: 'case.needsName' });
        const timezone = args.timezone ?? 'UTC';
        if (!isValidTimeZone(timezone)) throw new CodedError(`unknown time zone "${timezone}"`, { code: 'ingest.zone', params: { zone: timezone } });
        mkdirSync(ctx.workspaceDir(), { recursive: true });
        const file = path.join(ctx.workspaceDir(), `${safeFileName(name)}.tlcase`);
        if (existsSync(file)) throw new CodedError(`${file}: a file already exists there`, { code: 'case.exists', params: { path: file } });
        return ctx.openCase(file, args.examiner, { name, timezone });
      }),
    'case.open': (args) => ctx.serial(() => ctx.openCase(ctx.checkCasePath(String(args.path)), args.examiner)),
    'case.setExaminer': (args) =>
      ctx.act((session) => {
        if (!String(args.name ?? '').trim()) throw new CodedError('an examiner needs a name', { code: 'case.examinerName' });
        session.setExaminer(String(args.name));
        return ctx.changed();
      }),
    'case.edit': (args) =>
      ctx.act((session) => {
        editCase(session, args.changes ?? {});
        return ctx.changed();
      }),
    'formats.list': async () =>
      FORMATS.map(({ id, name, family, description, timeSemantics }) => ({ id, name, family, description, timeSemantics })),
  };
}
