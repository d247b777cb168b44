// The generic importer's calls: propose a column mapping for a file, preview rows read with
// a mapping, list and save the case's mappings. Ingesting with a mapping is ingest.files
// with `mapping` set (see custody/ingest-custody.ts). Saving is a mapping.saved custody entry.
import path from 'node:path';
import type { GenericFormatId } from '../../common/import-mapping';
import { GENERIC_FORMAT_IDS } from '../../common/import-mapping';
import { ActionError } from '../custody/actions';
import { previewMapping } from '../ingest/mapping/preview';
import { proposeMapping } from '../ingest/mapping/propose-mapping';
import { saveMapping } from '../custody/save-mapping';
import { findSavedMapping, listSavedMappings } from '../ingest/mapping/saved-mappings';
import { MappingError, validateMapping } from '../formats/generic/validate-mapping';
import { TEXT_ENCODINGS, type TextEncoding } from '../ingest/encoding';
import { isValidTimeZone } from '../time/zone';
import type { HandlerContext, HandlerImpl } from './context';

export type ImportMethod = 'import.propose' | 'import.preview' | 'import.mappings' | 'import.saveMapping';

export type ImportContext = Pick<HandlerContext, 'session' | 'act' | 'checkPath'>;

function encodingOf(value: unknown): TextEncoding | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (!(TEXT_ENCODINGS as readonly unknown[]).includes(value)) throw new ActionError(`unknown encoding ${JSON.stringify(value)}`);
  return value as TextEncoding;
}

function formatOf(value: unknown): GenericFormatId | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (!(GENERIC_FORMAT_IDS as readonly unknown[]).includes(value)) throw new ActionError(`not a generic format: ${JSON.stringify(value)}`);
  return value as GenericFormatId;
}

/** Mapping problems are the examiner's to fix: they travel as ActionError messages. */
function mappingOf(value: unknown) {
  try {
    return validateMapping(value);
  } catch (err) {
    if (err instanceof MappingError) throw new ActionError(`column mapping: ${err.message}`, { code: 'mapping.problem', params: { problem: err.coded ?? { code: 'text', params: { text: err.message } } } });
    throw err;
  }
}

export function createImportHandlers(ctx: ImportContext): Pick<HandlerImpl, ImportMethod> {
  const requirePath = (p: unknown): string => {
    if (typeof p !== 'string' || !p) throw new ActionError('a file path is needed');
    ctx.checkPath(p);
    return p;
  };
  return {
    'import.propose': async (args) => {
      const file = requirePath(args.path);
      const store = ctx.session().store;
      const name = typeof args.originalName === 'string' && args.originalName ? args.originalName : path.basename(file);
      const proposal = proposeMapping(file, name, { format: formatOf(args.format), encoding: encodingOf(args.encoding) });
      return { ...proposal, saved: findSavedMapping(store, proposal.signature) };
    },
    'import.preview': async (args) => {
      const file = requirePath(args.path);
      const store = ctx.session().store;
      const timezone = args.timezone ?? store.meta().timezone;
      if (!isValidTimeZone(timezone)) throw new ActionError(`unknown time zone "${timezone}"`, { code: 'ingest.zone', params: { zone: timezone } });
      return previewMapping(file, mappingOf(args.mapping), {
        fileName: path.basename(file),
        timezone,
        baseYear: new Date().getUTCFullYear(),
        encoding: encodingOf(args.encoding),
      });
    },
    'import.mappings': async () => listSavedMappings(ctx.session().store),
    'import.saveMapping': (args) =>
      ctx.act((session) => {
        mappingOf(args.mapping);
        return saveMapping(session, String(args.name ?? ''), args.mapping);
      }),
  };
}
