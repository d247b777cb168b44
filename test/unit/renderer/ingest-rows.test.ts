import { describe, expect, it } from 'vitest';
import type { IngestProgress } from '../../../electron/common/protocol';
import {
  ingestRowsReducer,
  progressFraction,
  type IngestAction,
  type IngestRow,
} from '../../../renderer/src/features/intake/ingest-rows';

const run = (actions: IngestAction[], start: IngestRow[] = []) => actions.reduce(ingestRowsReducer, start);

function progress(fields: Partial<IngestProgress>): IngestProgress {
  return {
    jobId: 'j1',
    path: '/uploads/1-proxy.log',
    name: 'proxy.log',
    bytesRead: 0,
    totalBytes: 1000,
    events: 0,
    rejected: 0,
    eventsPerSecond: 0,
    done: false,
    ...fields,
  };
}

const uploadJob: IngestAction = {
  type: 'added',
  jobId: 'j1',
  phase: 'uploading',
  files: [
    { key: 'j1:0', name: 'proxy.log', path: null },
    { key: 'j1:1', name: 'image.png', path: null },
  ],
};

describe('ingest rows', () => {
  it('tracks a served upload through prepare, progress and the result', () => {
    const rows = run([
      uploadJob,
      { type: 'prepared', key: 'j1:0', path: '/uploads/1-proxy.log' },
      { type: 'progress', progress: progress({ bytesRead: 500, events: 120, rejected: 2, eventsPerSecond: 9000 }) },
    ]);
    expect(rows[0]).toMatchObject({ phase: 'ingesting', bytesRead: 500, events: 120, rejected: 2, eventsPerSecond: 9000 });
    expect(progressFraction(rows[0])).toBe(0.5);
    expect(rows[1]).toMatchObject({ phase: 'uploading', path: null });
    expect(progressFraction(rows[1])).toBeNull();
  });

  it('matches a progress report by name while the path is not known yet', () => {
    const rows = run([uploadJob, { type: 'progress', progress: progress({ bytesRead: 10 }) }]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ key: 'j1:0', path: '/uploads/1-proxy.log', bytesRead: 10 });
  });

  it('shows an engine error on the row and keeps it after the job finishes', () => {
    const rows = run([
      uploadJob,
      { type: 'prepared', key: 'j1:1', path: '/uploads/2-image.png' },
      {
        type: 'progress',
        progress: progress({ path: '/uploads/2-image.png', name: 'image.png', done: true, error: 'binary file' }),
      },
      {
        type: 'finished',
        jobId: 'j1',
        results: [{ path: '/uploads/2-image.png', name: 'image.png', ok: false, error: 'binary file' }],
      },
    ]);
    expect(rows[1]).toMatchObject({ phase: 'error', error: 'binary file' });
    // The other file of the job ended with the call.
    expect(rows[0].phase).toBe('done');
  });

  it('marks a failed upload and a failed call', () => {
    const rows = run([
      uploadJob,
      { type: 'failed', key: 'j1:0', message: 'upload failed: 413 too large' },
      { type: 'jobFailed', jobId: 'j1', message: 'disconnected from engine' },
    ]);
    expect(rows.map((r) => r.error)).toEqual(['upload failed: 413 too large', 'disconnected from engine']);
    // A failed file's bar stops rather than spinning on as indeterminate.
    expect(progressFraction(rows[0])).toBe(0);
  });

  it('takes final counts from the result evidence', () => {
    const rows = run([
      { type: 'added', jobId: 'j2', phase: 'queued', files: [{ key: 'j2:0', name: 'a.csv', path: '/d/a.csv' }] },
      {
        type: 'finished',
        jobId: 'j2',
        results: [
          {
            path: '/d/a.csv',
            name: 'a.csv',
            ok: true,
            evidence: { events: 1000, rejected: 3 } as never,
          },
        ],
      },
    ]);
    expect(rows[0]).toMatchObject({ phase: 'done', events: 1000, rejected: 3, error: null });
    expect(progressFraction(rows[0])).toBe(1);
  });

  it('adds a row for a file it did not start', () => {
    const rows = run([{ type: 'progress', progress: progress({ jobId: 'other', bytesRead: 1 }) }]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ jobId: 'other', name: 'proxy.log', phase: 'ingesting' });
  });

  it('dismisses one row, or clears every finished one but keeps errors', () => {
    const rows = run([
      uploadJob,
      { type: 'failed', key: 'j1:1', message: 'binary file' },
      { type: 'finished', jobId: 'j1', results: [] },
    ]);
    expect(run([{ type: 'clearedDone' }], rows).map((r) => r.key)).toEqual(['j1:1']);
    expect(run([{ type: 'dismissed', key: 'j1:1' }], rows).map((r) => r.key)).toEqual(['j1:0']);
  });
});
