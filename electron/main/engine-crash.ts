// What the user sees when the engine process dies. Kept apart from engine-process.ts so that
// the process plumbing has no UI in it.
import { dialog, type BrowserWindow } from 'electron';

/** Asks whether to restart the engine; true means restart, false means quit. */
export async function askToRestartEngine(win: BrowserWindow | null, exitCode: number): Promise<boolean> {
  const options = {
    type: 'error' as const,
    title: 'Tracelight engine stopped',
    message: 'The Tracelight engine stopped unexpectedly.',
    detail:
      `Exit code ${exitCode}. Work already saved in the case file is kept; an ingest or export ` +
      'that was running must be started again.',
    buttons: ['Restart engine', 'Quit'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  return response === 0;
}
