import { useRef } from 'react';
import { useConnection } from '../../client/connection-context';

interface Props {
  disabled: boolean;
  onFiles(files: File[]): void;
  onPaths(paths: string[]): void;
}

/** Desktop: the native open dialog (paths). Serve: the browser's file chooser (uploads). */
export function AddIocButton({ disabled, onFiles, onPaths }: Props) {
  const { intake } = useConnection();
  const input = useRef<HTMLInputElement>(null);
  const pickPaths = intake.pickPaths;
  const choose = () => {
    if (pickPaths) void pickPaths().then(onPaths);
    else input.current?.click();
  };
  return (
    <>
      <button type="button" onClick={choose} disabled={disabled} data-testid="add-ioc" title="Indicator lists, CSV feeds, STIX 2 bundles, MISP events">
        Add IOC file…
      </button>
      {!pickPaths && (
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="ioc-file-input"
          onChange={(event) => {
            const files = [...(event.currentTarget.files ?? [])];
            event.currentTarget.value = '';
            onFiles(files);
          }}
        />
      )}
    </>
  );
}
