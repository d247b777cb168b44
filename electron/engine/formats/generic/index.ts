// The generic importer's formats. Listed after every specific format and never sniffed
// (their sniff() is 0): a file a specific format knows is always read by that format.
import type { FormatModule } from '../types';
import { genericCsvFormat } from './generic-csv';
import { genericJsonFormat, genericJsonlFormat } from './generic-json';

export const GENERIC_FORMATS: readonly FormatModule[] = [genericCsvFormat, genericJsonFormat, genericJsonlFormat];

export function isGenericFormat(id: string | undefined): boolean {
  return id !== undefined && GENERIC_FORMATS.some((f) => f.id === id);
}
