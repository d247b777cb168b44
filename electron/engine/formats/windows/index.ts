// Windows event logs: EVTX binaries, Event XML, Sysmon/Windows events as JSON.
import type { FormatModule } from '../types';
import { WINDOWS_TEXT_FORMATS } from './json-xml-formats';
import { evtxFormat } from './evtx';

export const WINDOWS_FORMATS: readonly FormatModule[] = [
  evtxFormat,
  ...WINDOWS_TEXT_FORMATS,
];
