import { useWindowFileDrop } from './use-window-file-drop';
import { useT } from '../../i18n';
import './strings';

/** Covers the window while files are dragged over it; dropping anywhere ingests them. */
export function DropOverlay({ onFiles }: { onFiles(files: File[]): void }) {
  const t = useT();
  const dragging = useWindowFileDrop(onFiles);
  if (!dragging) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden>
      <div className="drop-target">
        <strong>{t('intake.dropTitle')}</strong>
        <span>{t('intake.dropHelp')}</span>
      </div>
    </div>
  );
}
