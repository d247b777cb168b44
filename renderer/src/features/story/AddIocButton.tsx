import { useFilePicker } from '../../components/use-file-picker';

interface Props {
  disabled: boolean;
  onFiles(files: File[]): void;
  onPaths(paths: string[]): void;
}

/** Desktop: the native open dialog (paths). Serve: the browser's file chooser (uploads). */
export function AddIocButton({ disabled, onFiles, onPaths }: Props) {
  const { choose, input } = useFilePicker({ onFiles, onPaths, inputTestId: 'ioc-file-input' });
  return (
    <>
      <button type="button" onClick={choose} disabled={disabled} data-testid="add-ioc" title="Indicator lists, CSV feeds, STIX 2 bundles, MISP events">
        Add IOC file…
      </button>
      {input}
    </>
  );
}
