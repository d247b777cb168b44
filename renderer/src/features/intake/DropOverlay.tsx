import { useWindowFileDrop } from './use-window-file-drop';

/** Covers the window while files are dragged over it; dropping anywhere ingests them. */
export function DropOverlay({ onFiles }: { onFiles(files: File[]): void }) {
  const dragging = useWindowFileDrop(onFiles);
  if (!dragging) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden>
      <div className="drop-target">
        <strong>Drop to add evidence</strong>
        <span>Files are hashed (SHA-256, SHA-1, MD5) and parsed; originals are never modified.</span>
      </div>
    </div>
  );
}
