import { useCallback, useState } from 'react';
import { useEngineEvent } from '../../client/use-engine-event';

export interface UnmappedFile {
  /** Engine-side path (serve mode: where the upload was stored). */
  path: string;
  name: string;
}

/**
 * Files the engine could not recognize, as its progress reports name them (from any
 * window's ingest), waiting for the examiner to map their columns or dismiss them.
 */
export function useUnmappedFiles(): { files: UnmappedFile[]; done(path: string): void } {
  const [files, setFiles] = useState<UnmappedFile[]>([]);
  useEngineEvent('ingest.progress', (p) => {
    if (!p.done || !p.needsMapping) return;
    setFiles((list) => (list.some((f) => f.path === p.path) ? list : [...list, { path: p.path, name: p.name }]));
  });
  const done = useCallback((path: string) => setFiles((list) => list.filter((f) => f.path !== path)), []);
  return { files, done };
}
