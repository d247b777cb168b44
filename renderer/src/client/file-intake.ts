import type { DesktopBridge, IngestFileRequest } from '../contracts';
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
      const response = await fetch(uploadUrl(file), { method: 'PUT', body: file });
      if (!response.ok) {
        const detail = (await response.text().catch(() => '')).slice(0, 200);
        throw new Error(`upload failed: ${response.status} ${detail || response.statusText}`.trim());
      }
      const body: unknown = await response.json();
      const path = (body as { path?: unknown } | null)?.path;
      if (typeof path !== 'string' || !path) throw new Error('upload failed: no path in the reply');
      return { path, originalName: file.name };
    },
  };
}
