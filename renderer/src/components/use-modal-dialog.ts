import { useEffect, useRef, type RefObject } from 'react';

/**
 * The ref for a <dialog> that opens modal as soon as it mounts. Closing it (Escape, or
 * `ref.current.close()` from a Close button) fires the dialog's onClose, where the caller
 * unmounts it.
 */
export function useModalDialog(): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return dialog;
}
