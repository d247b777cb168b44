// EDR exports beyond Carbon Black EDR: Carbon Black Cloud, Defender for Endpoint, CrowdStrike.
import type { FormatModule } from '../types';
import { cbcCsvFormat, cbcJsonFormat } from './cbc';
import { falconCefFormat } from './falcon-cef';
import { falconCsvFormat, falconJsonFormat, falconJsonlFormat } from './falcon-export';
import { defenderCsvFormat, defenderJsonFormat, defenderJsonlFormat } from './defender';

export const EDR_FORMATS: readonly FormatModule[] = [
  defenderCsvFormat,
  defenderJsonlFormat,
  defenderJsonFormat,
  cbcJsonFormat,
  cbcCsvFormat,
  falconCefFormat,
  falconCsvFormat,
  falconJsonlFormat,
  falconJsonFormat,
];
