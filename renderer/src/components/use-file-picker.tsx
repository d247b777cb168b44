import { useRef, type ReactNode } from 'react';
import { useConnection } from '../client/connection-context';

interface Options {
  /** Serve mode: the Files the browser's chooser returned (the caller uploads them). */
  onFiles(files: File[]): void;
  /** Desktop: paths from the native open dialog. */
  onPaths(paths: string[]): void;
  /** data-testid of the hidden file input (e2e tests set files on it). */
  inputTestId: string;
}

/**
 * Choosing files to hand the engine. Desktop: the native open dialog (paths on disk). Serve:
 * the browser's file chooser, through a hidden input the caller renders beside its button.
 */
export function useFilePicker({ onFiles, onPaths, inputTestId }: Options): { choose(): void; input: ReactNode } {
  const { intake } = useConnection();
  const ref = useRef<HTMLInputElement>(null);
  const pickPaths = intake.pickPaths;
  const choose = () => {
    if (pickPaths) void pickPaths().then(onPaths);
    else ref.current?.click();
  };
  const input = pickPaths ? null : (
    <input
      ref={ref}
      type="file"
      multiple
      hidden
      data-testid={inputTestId}
      onChange={(event) => {
        const files = [...(event.currentTarget.files ?? [])];
        // Reset so choosing the same file again still fires change.
        event.currentTarget.value = '';
        onFiles(files);
      }}
    />
  );
  return { choose, input };
}
