import { useCallback, useEffect, useReducer, useRef } from 'react';
import { useConnection } from '../../client/connection-context';
import { errorMessage } from '../../client/engine-error';
import { useEngineEvent } from '../../client/use-engine-event';
import type { Acquisition, IngestChoices, IngestFileRequest } from '../../contracts';
import { ingestRowsReducer, type IngestRow } from './ingest-rows';

export interface Ingest {
  rows: IngestRow[];
  /** Dropped or chosen File objects (uploaded first in serve mode); choices[i] goes with files[i]. */
  ingestFiles(files: File[], choices?: IngestChoices[]): void;
  /** Paths from the desktop's native dialog. */
  ingestPaths(paths: string[], choices?: IngestChoices[]): void;
  dismiss(key: string): void;
  clearFinished(): void;
}

const baseName = (path: string): string => path.split(/[\\/]/).pop() || path;

/**
 * Runs ingest jobs and tracks their per-file progress; `onFinished` runs when a job ends.
 * `acquisition` (who provided the files, when, how, from where) goes with every file.
 */
export function useIngest(onFinished: () => void, acquisition: Acquisition = {}): Ingest {
  const { client, intake } = useConnection();
  const [rows, dispatch] = useReducer(ingestRowsReducer, []);
  const ownJobs = useRef(new Set<string>());
  const finished = useRef(onFinished);
  const acquired = useRef(acquisition);
  useEffect(() => {
    finished.current = onFinished;
    acquired.current = acquisition;
  });

  useEngineEvent('ingest.progress', (progress) => {
    dispatch({ type: 'progress', progress });
    // Jobs started here refresh when their call returns; others (another window) on completion.
    if (progress.done && !ownJobs.current.has(progress.jobId)) finished.current();
  });

  const submit = useCallback(
    async (jobId: string, prepared: Promise<IngestFileRequest | null>[]) => {
      const given = Object.fromEntries(Object.entries(acquired.current).filter(([, v]) => typeof v === 'string' && v.trim()));
      const files = (await Promise.all(prepared))
        .filter((f): f is IngestFileRequest => f !== null)
        .map((f) => (Object.keys(given).length ? { ...f, acquisition: given } : f));
      if (files.length === 0) return;
      ownJobs.current.add(jobId);
      try {
        const results = await client.call('ingest.files', { jobId, files });
        dispatch({ type: 'finished', jobId, results });
      } catch (error) {
        dispatch({ type: 'jobFailed', jobId, message: errorMessage(error) });
      } finally {
        ownJobs.current.delete(jobId);
        finished.current();
      }
    },
    [client],
  );

  const ingestFiles = useCallback(
    (files: File[], choices: IngestChoices[] = []) => {
      if (files.length === 0) return;
      const jobId = crypto.randomUUID();
      const keyed = files.map((file, i) => ({ key: `${jobId}:${i}`, file }));
      dispatch({
        type: 'added',
        jobId,
        phase: intake.mode === 'serve' ? 'uploading' : 'queued',
        files: keyed.map(({ key, file }) => ({ key, name: file.name, path: null })),
      });
      const prepared = keyed.map(async ({ key, file }) => {
        try {
          const request = await intake.prepare(file);
          dispatch({ type: 'prepared', key, path: request.path });
          return { ...request, ...choices[keyed.findIndex((k) => k.key === key)] };
        } catch (error) {
          dispatch({ type: 'failed', key, message: errorMessage(error) });
          return null;
        }
      });
      void submit(jobId, prepared);
    },
    [intake, submit],
  );

  const ingestPaths = useCallback(
    (paths: string[], choices: IngestChoices[] = []) => {
      if (paths.length === 0) return;
      const jobId = crypto.randomUUID();
      dispatch({
        type: 'added',
        jobId,
        phase: 'queued',
        files: paths.map((path, i) => ({ key: `${jobId}:${i}`, name: baseName(path), path })),
      });
      void submit(jobId, paths.map((path, i) => Promise.resolve({ path, ...choices[i] })));
    },
    [submit],
  );

  const dismiss = useCallback((key: string) => dispatch({ type: 'dismissed', key }), []);
  const clearFinished = useCallback(() => dispatch({ type: 'clearedDone' }), []);

  return { rows, ingestFiles, ingestPaths, dismiss, clearFinished };
}
