import { useFilePicker } from '../../components/use-file-picker';
import { useT } from '../../i18n';
import './strings';

interface Props {
  disabled: boolean;
  onFiles(files: File[]): void;
  onPaths(paths: string[]): void;
}

/** Desktop: the native open dialog (paths). Serve: the browser's file chooser (uploads). */
export function AddIocButton({ disabled, onFiles, onPaths }: Props) {
  const t = useT();
  const { choose, input } = useFilePicker({ onFiles, onPaths, inputTestId: 'ioc-file-input' });
  return (
    <>
      <button type="button" onClick={choose} disabled={disabled} data-testid="add-ioc" title={t('story.addIocHelp')}>
        {t('story.addIoc')}
      </button>
      {input}
    </>
  );
}
