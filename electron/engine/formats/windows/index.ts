// Windows event logs: EVTX binaries, Event XML, Sysmon/Windows events as JSON.
import type { FormatModule } from '../types';

export const WINDOWS_FORMATS: readonly FormatModule[] = [];
