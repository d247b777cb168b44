import { useCallback, useState } from 'react';
import { AUTO_CHOICES, toIngestChoices, type ChoiceFields } from './intake-choices';
import type { Ingest } from './use-ingest';

/** A file waiting for its options to be confirmed (review mode). */
export interface PendingFile {
  key: string;
  name: string;
  size: number | null;
  /** Modification year, when the page can see it (dropped or chosen File objects). */
  year: number | null;
  choices: ChoiceFields;
}

type Pending = { files: File[]; rows: PendingFile[] } | { paths: string[]; rows: PendingFile[] };

export interface IntakeOptions {
  /** Applied to every file added next (and the starting point of each file under review). */
  defaults: ChoiceFields;
  setDefaults(next: ChoiceFields): void;
  /** When set, added files wait in a dialog where each file's options can be changed. */
  review: boolean;
  setReview(on: boolean): void;
  pending: PendingFile[] | null;
  onFiles(files: File[]): void;
  onPaths(paths: string[]): void;
  confirm(rows: PendingFile[]): void;
  cancel(): void;
}

const baseName = (path: string): string => path.split(/[\\/]/).pop() || path;

/** Sits between "files were dropped/chosen" and the ingest: the options chosen at drop time. */
export function useIntakeOptions(ingest: Ingest): IntakeOptions {
  const [defaults, setDefaults] = useState<ChoiceFields>(AUTO_CHOICES);
  const [review, setReview] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);

  const onFiles = useCallback(
    (files: File[]) => {
      if (files.length === 0) return;
      if (!review) return ingest.ingestFiles(files, files.map(() => toIngestChoices(defaults)));
      setPending({
        files,
        rows: files.map((f, i) => ({
          key: `${i}:${f.name}`,
          name: f.name,
          size: f.size,
          year: f.lastModified ? new Date(f.lastModified).getFullYear() : null,
          choices: defaults,
        })),
      });
    },
    [defaults, review, ingest],
  );

  const onPaths = useCallback(
    (paths: string[]) => {
      if (paths.length === 0) return;
      if (!review) return ingest.ingestPaths(paths, paths.map(() => toIngestChoices(defaults)));
      setPending({ paths, rows: paths.map((p, i) => ({ key: `${i}:${p}`, name: baseName(p), size: null, year: null, choices: defaults })) });
    },
    [defaults, review, ingest],
  );

  const confirm = useCallback(
    (rows: PendingFile[]) => {
      if (!pending) return;
      const choices = rows.map((r) => toIngestChoices(r.choices));
      if ('files' in pending) ingest.ingestFiles(pending.files, choices);
      else ingest.ingestPaths(pending.paths, choices);
      setPending(null);
    },
    [pending, ingest],
  );

  return {
    defaults,
    setDefaults,
    review,
    setReview,
    pending: pending?.rows ?? null,
    onFiles,
    onPaths,
    confirm,
    cancel: () => setPending(null),
  };
}
