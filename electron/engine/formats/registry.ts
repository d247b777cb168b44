// Every format the engine knows, and content-based format detection.
// Adding a format = one module exporting a FormatModule + one line in FORMATS.
import type { FormatModule, SniffSample } from './types';
import { carbonBlackEdrFormat } from './carbonblack-edr';
import { fortigateFormat } from './fortigate';
import { squidFormat } from './squid';
import { EDR_FORMATS } from './edr';
import { GENERIC_FORMATS } from './generic';
import { NETWORK_FORMATS } from './network';
import { PROXY_FORMATS } from './proxy';
import { WINDOWS_FORMATS } from './windows';

/** On equal confidence the earlier entry wins, so list stricter formats first. */
export const FORMATS: readonly FormatModule[] = [
  squidFormat,
  fortigateFormat,
  carbonBlackEdrFormat,
  ...WINDOWS_FORMATS,
  ...EDR_FORMATS,
  ...NETWORK_FORMATS,
  ...PROXY_FORMATS,
  // Last, and their sniff() is 0: chosen only with a column mapping (formats/generic/).
  ...GENERIC_FORMATS,
];

/** Below this a sniff is a guess, and a wrong guess parses every line into rejects. */
const MIN_CONFIDENCE = 0.5;

export function findFormat(id: string): FormatModule | undefined {
  return FORMATS.find((f) => f.id === id);
}

export function sniffFormat(sample: SniffSample): { format: FormatModule; confidence: number } | null {
  let best: { format: FormatModule; confidence: number } | null = null;
  for (const format of FORMATS) {
    let confidence: number;
    try {
      confidence = format.sniff(sample);
    } catch {
      // A sniffer bug on odd input must not stop the others from recognising the file.
      continue;
    }
    if (!Number.isFinite(confidence) || confidence < MIN_CONFIDENCE) continue;
    if (!best || confidence > best.confidence) best = { format, confidence };
  }
  return best;
}
