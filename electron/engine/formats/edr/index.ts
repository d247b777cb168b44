// EDR exports beyond Carbon Black EDR: Carbon Black Cloud, Defender for Endpoint, CrowdStrike.
import type { FormatModule } from '../types';

export const EDR_FORMATS: readonly FormatModule[] = [];
