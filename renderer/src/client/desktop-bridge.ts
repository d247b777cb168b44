import type { DesktopBridge } from '../contracts';

declare global {
  interface Window {
    /** Present only inside the desktop app (exposed by the preload). */
    tracelight?: DesktopBridge;
  }
}

export function desktopBridge(): DesktopBridge | null {
  return window.tracelight ?? null;
}
