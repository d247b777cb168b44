import { useCallback, useEffect, useRef, useState } from 'react';
import { useConnection } from '../../client/connection-context';
import { errorMessage } from '../../client/engine-error';
import type { DetectResult, IocFileRequest, ReviewVerdict } from '../../contracts';

export interface Detection {
  result: DetectResult | null;
  running: boolean;
  error: string | null;
  /** Bumped after each run or review: the IOC-file list and the custody log re-query. */
  generation: number;
  run(): void;
  /** Dropped or chosen File objects (uploaded first in serve mode), then a run with them. */
  addIocFiles(files: File[]): void;
  /** Paths from the desktop's native dialog, then a run with them. */
  addIocPaths(paths: string[]): void;
  /** Records the review, then re-runs so the incident reflects it. */
  review(findingId: string, verdict: ReviewVerdict, comment: string): Promise<void>;
}

/** The incident story's state: the last run (kept by the engine across tab switches), runs, reviews. */
export function useDetection(onRecorded: () => void, chainWindowHours?: number): Detection {
  const { client, intake } = useConnection();
  const [result, setResult] = useState<DetectResult | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const recorded = useRef(onRecorded);
  // Read when a run starts, so a changed window applies to the next run without re-creating the callbacks.
  const windowHours = useRef(chainWindowHours);
  useEffect(() => {
    recorded.current = onRecorded;
    windowHours.current = chainWindowHours;
  });

  useEffect(() => {
    let current = true;
    client.call('detect.last', {}).then(
      (last) => {
        if (current && last) setResult((r) => r ?? last);
      },
      () => {
        // No case or no connection: the run button reports what is wrong when pressed.
      },
    );
    return () => {
      current = false;
    };
  }, [client]);

  const execute = useCallback(
    async (iocFiles: Promise<IocFileRequest[]>) => {
      setRunning(true);
      setError(null);
      try {
        const files = await iocFiles;
        const hours = windowHours.current;
        setResult(await client.call('detect.run', { ...(files.length ? { iocFiles: files } : {}), ...(hours !== undefined ? { chainWindowHours: hours } : {}) }));
        recorded.current();
      } catch (err) {
        setError(errorMessage(err));
      } finally {
        setRunning(false);
        setGeneration((g) => g + 1);
      }
    },
    [client],
  );

  const run = useCallback(() => void execute(Promise.resolve([])), [execute]);
  const addIocFiles = useCallback(
    (files: File[]) => {
      if (files.length) void execute(Promise.all(files.map((f) => intake.prepare(f))));
    },
    [execute, intake],
  );
  const addIocPaths = useCallback(
    (paths: string[]) => {
      if (paths.length) void execute(Promise.resolve(paths.map((path) => ({ path }))));
    },
    [execute],
  );

  const review = useCallback(
    async (findingId: string, verdict: ReviewVerdict, comment: string) => {
      setError(null);
      try {
        await client.call('detect.review', comment.trim() ? { findingId, verdict, comment } : { findingId, verdict });
      } catch (err) {
        setError(errorMessage(err));
        return;
      }
      recorded.current();
      await execute(Promise.resolve([]));
    },
    [client, execute],
  );

  return { result, running, error, generation, run, addIocFiles, addIocPaths, review };
}
