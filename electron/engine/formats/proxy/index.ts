// Proxies, web servers and timelines from other tools: Blue Coat ELFF, Zscaler NSS, NCSA,
// IIS W3C, plaso, Timesketch.
import type { FormatModule } from '../types';
import { blueCoatFormat } from './bluecoat';
import { iisFormat } from './iis';
import { ncsaFormat } from './ncsa';
import { plasoJsonFormat } from './plaso-json';
import { plasoJsonLineFormat } from './plaso-json-line';
import { plasoL2tCsvFormat } from './plaso-l2tcsv';
import { timesketchCsvFormat } from './timesketch-csv';
import { timesketchJsonlFormat } from './timesketch-jsonl';
import { zscalerNssWebFormat } from './zscaler';

export const PROXY_FORMATS: readonly FormatModule[] = [
  ncsaFormat,
  iisFormat,
  plasoL2tCsvFormat,
  plasoJsonLineFormat,
  plasoJsonFormat,
  timesketchCsvFormat,
  timesketchJsonlFormat,
  blueCoatFormat,
  zscalerNssWebFormat,
];
