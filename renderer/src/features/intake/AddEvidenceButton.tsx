import { useEffect, useRef } from 'react';
import { useFilePicker } from '../../components/use-file-picker';
import { MENU_COMMAND_MESSAGE } from '../../contracts';
import { useT } from '../../i18n';
import './strings';

interface Props {
  onFiles(files: File[]): void;
  onPaths(paths: string[]): void;
}

/** Desktop: the native open dialog (paths). Serve: the browser's file chooser (uploads). */
export function AddEvidenceButton({ onFiles, onPaths }: Props) {
  const { choose, input } = useFilePicker({ onFiles, onPaths, inputTestId: 'evidence-file-input' });
  const t = useT();
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
        {t('intake.add')}
      </button>
      {input}
    </>
  );
}
