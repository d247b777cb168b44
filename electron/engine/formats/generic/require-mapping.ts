// The generic formats read nothing on their own: every file comes with a column mapping
// (proposed, corrected by the examiner or saved in the case; see resolve-mapping.ts).
import type { ColumnMapping } from '../../../common/import-mapping';
import type { ParseContext } from '../types';

export function requireMapping(ctx: ParseContext, formatId: string): ColumnMapping {
  const mapping = ctx.mapping;
  if (!mapping) throw new Error(`${formatId} needs a column mapping (tracelight mapping propose FILE)`);
  if (mapping.format !== formatId) throw new Error(`the column mapping is for ${mapping.format}, not ${formatId}`);
  return mapping;
}
