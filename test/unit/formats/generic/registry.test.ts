// The generic formats never take a file from a specific one: every shared sample still
// sniffs as its specific format (or is refused as unrecognized), never as generic-*.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isGenericFormat } from '../../../../electron/engine/formats/generic';
import { FORMATS } from '../../../../electron/engine/formats/registry';
import { UnreadableInputError } from '../../../../electron/engine/errors';
import { sniffFile } from '../../../../electron/engine/ingest/sniff';
import { samplesRoot } from '../../helpers/samples';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('generic formats in the registry', () => {
  it('come after every specific format', () => {
    const ids = FORMATS.map((f) => f.id);
    const firstGeneric = ids.findIndex((id) => isGenericFormat(id));
    expect(ids.slice(firstGeneric)).toEqual(['generic-csv', 'generic-json', 'generic-jsonl']);
  });

  it('never win content sniffing on the shared samples', () => {
    const seen: string[] = [];
    for (const file of files(samplesRoot).filter((f) => !/\.(md|tsv|txt|yml)$/i.test(f))) {
      const size = statSync(file).size;
      try {
        const id = sniffFile(file, path.basename(file), size).format.id;
        expect(isGenericFormat(id), `${file} sniffed as ${id}`).toBe(false);
        seen.push(id);
      } catch (err) {
        if (!(err instanceof UnreadableInputError)) throw err;
      }
    }
    // The samples cover many specific formats; none of them was generic.
    expect(new Set(seen).size).toBeGreaterThan(20);
  });
});
