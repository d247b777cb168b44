import { useEffect, useRef } from 'react';
import { useConnection } from '../../client/connection-context';
import { MENU_COMMAND_MESSAGE } from '../../contracts';

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
  const latestChoose = useRef(choose);
  useEffect(() => {
    latestChoose.current = choose;
  });

  // File > Add evidence… in the desktop app's menu arrives from the preload as a message.
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window) return;
      const data = event.data as { type?: unknown; command?: unknown } | null;
      if (data?.type === MENU_COMMAND_MESSAGE && data.command === 'add-evidence') latestChoose.current();
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

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
