// The preload's surface, with Electron's renderer modules replaced by fakes (the real ones exist
// only inside Electron): the page gets exactly DesktopBridge, never ipcRenderer or an IPC event,
// and the engine port reaches only our own page's origin.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINE_PORT_MESSAGE, IPC, type DesktopBridge } from '../../../electron/common/protocol';

type Listener = (event: { ports: unknown[] }, ...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    exposed: new Map<string, unknown>(),
    invoke: vi.fn(),
    getPathForFile: vi.fn(() => '/evidence/proxy.log'),
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, listener: Listener) => electron.listeners.set(channel, listener),
  },
  webUtils: { getPathForFile: electron.getPathForFile },
}));

const posted: { message: unknown; origin: string; transfer?: unknown[] }[] = [];
const pageGlobals = {
  location: { origin: 'app://tracelight', protocol: 'app:' },
  document: { readyState: 'complete' },
  addEventListener: () => undefined,
  postMessage: (message: unknown, origin: string, transfer?: unknown[]) => posted.push({ message, origin, transfer }),
};

let bridge: DesktopBridge;

beforeAll(async () => {
  Object.assign(globalThis, pageGlobals);
  await import('../../../electron/preload/preload');
  bridge = electron.exposed.get('tracelight') as DesktopBridge;
});

afterAll(() => {
  for (const key of Object.keys(pageGlobals)) delete (globalThis as Record<string, unknown>)[key];
});

describe('preload', () => {
  it('exposes exactly the DesktopBridge, under window.tracelight only', () => {
    expect([...electron.exposed.keys()]).toEqual(['tracelight']);
    expect(Object.keys(bridge).sort()).toEqual(['openFiles', 'openPackage', 'pathForFile', 'saveFile']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('opens files through the fixed channel and returns only strings', async () => {
    electron.invoke.mockResolvedValueOnce(['/a.log', 42, '/b.csv']);
    await expect(bridge.openFiles()).resolves.toEqual(['/a.log', '/b.csv']);
    expect(electron.invoke).toHaveBeenLastCalledWith(IPC.openFilesDialog);
  });

  it('asks for a save path and returns null unless main answers with a string', async () => {
    electron.invoke.mockResolvedValueOnce('/home/u/report.pdf');
    await expect(bridge.saveFile('report.pdf')).resolves.toBe('/home/u/report.pdf');
    expect(electron.invoke).toHaveBeenLastCalledWith(IPC.saveFileDialog, 'report.pdf');
    electron.invoke.mockResolvedValueOnce(undefined);
    await expect(bridge.saveFile('x')).resolves.toBeNull();
  });

  it('resolves a dropped file to its path with webUtils', () => {
    const file = { name: 'proxy.log' } as unknown as Blob & { name: string };
    expect(bridge.pathForFile(file)).toBe('/evidence/proxy.log');
    expect(electron.getPathForFile).toHaveBeenCalledWith(file);
  });

  it("hands the engine port to the page's own origin, without the IPC event", async () => {
    const port = { fake: 'MessagePort' };
    electron.listeners.get(IPC.enginePort)?.({ ports: [port] });
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({ message: { type: ENGINE_PORT_MESSAGE }, origin: 'app://tracelight', transfer: [port] });
  });
});
