import { useEffect } from 'react';
import { carriesFiles } from './drag-files';

/**
 * A file dropped where nobody handles it would make the browser open it in place of the
 * app. Cancel that everywhere, for the whole lifetime of the page.
 */
export function usePreventFileNavigation(): void {
  useEffect(() => {
    const cancel = (event: DragEvent) => {
      if (carriesFiles(event)) event.preventDefault();
    };
    window.addEventListener('dragover', cancel);
    window.addEventListener('drop', cancel);
    return () => {
      window.removeEventListener('dragover', cancel);
      window.removeEventListener('drop', cancel);
    };
  }, []);
}
