import type { DesktopBridge, IngestFileRequest } from '../contracts';
import { putUpload } from './put-upload';
import { uploadUrl } from './serve-location';

/** How files the analyst hands over become paths the engine can read. */
export interface FileIntake {
  readonly mode: 'desktop' | 'serve';
  /** A dropped or chosen File -> an ingest request (serve mode uploads it first). */
  prepare(file: File): Promise<IngestFileRequest>;
  /** Desktop only: the native open dialog; resolves to [] when cancelled. */
  pickPaths?: () => Promise<string[]>;
}

export function desktopIntake(bridge: DesktopBridge): FileIntake {
  return {
    mode: 'desktop',
    prepare: async (file) => {
      const path = bridge.pathForFile(file);
      if (!path) throw new Error('not a file on disk');
      return { path };
    },
    pickPaths: () => bridge.openFiles(),
  };
}

export function serveIntake(): FileIntake {
  return {
    mode: 'serve',
    prepare: async (file) => {
      const path = await putUpload(uploadUrl(file), file);
      return { path, originalName: file.name };
    },
  };
}
