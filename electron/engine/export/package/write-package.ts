// `tracelight export --package F` and the UI's package export: the evidence package with the
// same PDF report and XLSX workbook as the standalone exports.
import type { CaseSession } from '../../custody/session';
import { writePdfReport } from '../pdf/report';
import { writeXlsxWorkbook } from '../xlsx/workbook';
import { buildEvidencePackage, type PackageOptions, type PackageResult } from './build-package';

export type { PackageOptions, PackageResult } from './build-package';

export function writeEvidencePackage(session: CaseSession, file: string, opts: PackageOptions): Promise<PackageResult> {
  return buildEvidencePackage(session, file, opts, { pdf: writePdfReport, xlsx: writeXlsxWorkbook });
}
