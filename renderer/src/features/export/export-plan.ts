// What the export dialog asks the engine for: the chosen formats in a fixed order, the file
// names the save dialogs propose, and the arguments of export.run.
import type { EventFilter, ExportDetection, ExportFormat, ExportLanguage, ExportRunArgs } from '../../contracts';
import { EXPORT_EXTENSIONS, EXPORT_FORMATS } from '../../contracts';

const SUFFIX: Record<ExportFormat, string> = { pdf: 'report', xlsx: 'workbook', csv: 'timeline', timesketch: 'timesketch' };

export interface ExportChoices {
  formats: Record<ExportFormat, boolean>;
  language: ExportLanguage;
  detection: ExportDetection;
  /** Export only the timeline filter's rows (XLSX, CSV, Timesketch). */
  useFilter: boolean;
}

export function chosenFormats(choices: ExportChoices): ExportFormat[] {
  return EXPORT_FORMATS.filter((f) => choices.formats[f]);
}

/** A file name to propose: the case name (file-system safe, Japanese kept) + what it is. */
export function defaultFileName(caseName: string, format: ExportFormat): string {
  // Control characters are what must go from a file name, with the separators.
  // eslint-disable-next-line no-control-regex
  const base = caseName.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').replace(/^\.+/, '_').trim() || 'case';
  return `${base}_${SUFFIX[format]}.${EXPORT_EXTENSIONS[format]}`;
}

/** True when the rows exports would take the filter (any format but the PDF report). */
export function filterApplies(choices: ExportChoices): boolean {
  return chosenFormats(choices).some((f) => f !== 'pdf');
}

export function exportArgs(
  choices: ExportChoices,
  filter: EventFilter | undefined,
  paths?: Partial<Record<ExportFormat, string>>,
): ExportRunArgs {
  return {
    formats: chosenFormats(choices),
    language: choices.language,
    detection: choices.detection,
    ...(choices.useFilter && filter ? { filter } : {}),
    ...(paths ? { paths, overwrite: true } : {}),
  };
}
