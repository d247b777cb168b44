import { useRef, useState } from 'react';
import type { CaseInfo } from '../../contracts';
import { useLang, useT } from '../../i18n';
import { useWindowFileDrop } from '../intake/use-window-file-drop';
import { dateCaseName } from './case-name';
import { StartCaseDialog } from './StartCaseDialog';
import './strings';

interface Props {
  /** Names of the cases that exist, so the new one's name is unique. */
  existing: readonly string[];
  examiner?: string;
  onOpened(info: CaseInfo, files: File[]): void;
}

/**
 * The start screen takes evidence directly: files or folders dropped anywhere on it (or chosen
 * with the buttons) open a new case named from the date, after one question (the time zone).
 */
export function StartDrop({ existing, examiner, onOpened }: Props) {
  const t = useT();
  const { lang } = useLang();
  const [files, setFiles] = useState<File[] | null>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const filesInput = useRef<HTMLInputElement>(null);

  // Files and folders dropped anywhere on the start screen open a new case with them.
  const dragging = useWindowFileDrop(setFiles);

  const chosen = (list: FileList | null) => {
    const got = [...(list ?? [])];
    if (got.length) setFiles(got);
  };

  return (
    <section className="card start-drop" data-testid="start-drop" aria-labelledby="start-drop-title">
      <h2 id="start-drop-title">{t('start.dropTitle')}</h2>
      <p className="muted">{t('start.dropHelp')}</p>
      <div className="start-drop-actions">
        <button type="button" className="primary" onClick={() => folderInput.current?.click()} data-testid="start-open-folder">
          {t('start.openFolder')}
        </button>
        <button type="button" onClick={() => filesInput.current?.click()} data-testid="start-open-files">
          {t('start.openFiles')}
        </button>
      </div>
      <input
        ref={folderInput}
        type="file"
        hidden
        multiple
        {...{ webkitdirectory: '' }}
        data-testid="start-folder-input"
        onChange={(e) => {
          chosen(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
      <input
        ref={filesInput}
        type="file"
        hidden
        multiple
        data-testid="start-files-input"
        onChange={(e) => {
          chosen(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
      {dragging && (
        <div className="drop-overlay" data-testid="start-drop-overlay" aria-hidden>
          <div className="drop-target">
            <strong>{t('start.dropNow')}</strong>
            <span>{t('start.dropNowHelp')}</span>
          </div>
        </div>
      )}
      {files && (
        <StartCaseDialog
          files={files}
          name={dateCaseName(new Date(), lang, existing)}
          examiner={examiner}
          onOpened={onOpened}
          onCancel={() => setFiles(null)}
        />
      )}
    </section>
  );
}
