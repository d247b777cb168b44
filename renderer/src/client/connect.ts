import { desktopBridge } from './desktop-bridge';
import { EngineClient } from './engine-client';
import { waitForEnginePort } from './engine-port';
import { desktopIntake, serveIntake, type FileIntake } from './file-intake';
import { MessagePortTransport } from './message-port-transport';
import { addressWithoutToken, rpcUrl } from './serve-location';
import { WebSocketTransport } from './websocket-transport';

export interface Connection {
  client: EngineClient;
  intake: FileIntake;
}

/** Picks the host: the desktop app exposes window.tracelight; otherwise this is serve mode. */
export function connect(): Connection {
  const bridge = desktopBridge();
  if (bridge) {
    return {
      client: new EngineClient(new MessagePortTransport(waitForEnginePort(window))),
      intake: desktopIntake(bridge),
    };
  }
  const clean = addressWithoutToken(location.href);
  if (clean !== null) history.replaceState(history.state, '', clean);
  return {
    client: new EngineClient(new WebSocketTransport(rpcUrl(location))),
    intake: serveIntake(),
  };
}
