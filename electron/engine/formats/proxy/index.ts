// Proxies, web servers and timelines from other tools: Blue Coat ELFF, Zscaler NSS, NCSA,
// IIS W3C, plaso, Timesketch.
import type { FormatModule } from '../types';

export const PROXY_FORMATS: readonly FormatModule[] = [];
