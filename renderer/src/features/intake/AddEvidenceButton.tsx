import { useRef } from 'react';
import { useConnection } from '../../client/connection-context';

interface Props {
  onFiles(files: File[]): void;
  onPaths(paths: string[]): void;
}

/** Desktop: the native open dialog (paths). Serve: the browser's file chooser (uploads). */
export function AddEvidenceButton({ onFiles, onPaths }: Props) {
  const { intake } = useConnection();
  const input = useRef<HTMLInputElement>(null);
  const pickPaths = intake.pickPaths;

  const choose = () => {
    if (pickPaths) void pickPaths().then((paths) => onPaths(paths));
    else input.current?.click();
  };

  return (
    <>
      <button type="button" className="primary" onClick={choose} data-testid="add-evidence">
        Add evidence…
      </button>
      {!pickPaths && (
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="evidence-file-input"
          onChange={(event) => {
            const files = [...(event.currentTarget.files ?? [])];
            // Reset so choosing the same file again still fires change.
            event.currentTarget.value = '';
            onFiles(files);
          }}
        />
      )}
    </>
  );
}
