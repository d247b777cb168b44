import { it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { buildPackagedCase } from './package-fixture';
it('make', async () => { mkdirSync('/tmp/h5pkg', { recursive: true }); await buildPackagedCase('/tmp/h5pkg'); }, 120000);
