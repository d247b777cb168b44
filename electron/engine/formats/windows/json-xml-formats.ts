// Windows events as text: Event XML and JSON (flat OTRF/NXLog, Winlogbeat/ECS).
import type { FormatModule } from '../types';
import { winEventXmlFormat } from './winevent-xml';
import { windowsEventFlatJsonFormat, winlogbeatJsonFormat } from './event-json';

export const WINDOWS_TEXT_FORMATS: readonly FormatModule[] = [winEventXmlFormat, winlogbeatJsonFormat, windowsEventFlatJsonFormat];
