// `tracelight serve`: the workbench in a browser on this machine. Binds 127.0.0.1 only,
// requires the per-run token on every request, serves the built renderer and carries
// the engine protocol over a WebSocket at /rpc.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type * as WsPackage from 'ws';
import { lazyRequire } from '../../engine/lazy-require';
import type { EngineService } from '../../engine/rpc/service';
import { inProcessBackend, type ServeBackend } from './backend';
import { checkToken, hostAllowed, newToken, originAllowed, SESSION_COOKIE } from './auth';
import { EXPORTS_ROUTE, resolveExport, sendExport } from './export-download';
import { handleReviewRoute } from './review-routes';
import { resolveStatic, securityHeaders, sendStatic } from './static-files';
import { receiveUpload } from './upload';
import { webSocketTransport } from './ws-transport';

/** How long stopping waits for replies being written before it cuts the connections. */
const CLOSE_GRACE_MS = 1000;

const wsPackage = lazyRequire<typeof WsPackage>('ws');

export interface ServeOptions {
  port: number;
  rendererDir: string;
  /** The engine in this thread; or `backend`, the router in front of the engine thread. */
  service?: EngineService;
  backend?: ServeBackend;
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const token = opts.token ?? newToken();
  const backend: ServeBackend = opts.backend ?? inProcessBackend(required(opts.service));
  let port = opts.port;
  const { WebSocketServer } = wsPackage();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 << 20 });

  const server: Server = createServer((req, res) => {
    handleHttp(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`error: ${(err as Error).message}\n`);
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers = securityHeaders(port);
    if (!hostAllowed(req, port)) return deny(res, 403, 'forbidden host', headers);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const verdict = checkToken(req, url, token);
    if (verdict !== 'ok') return deny(res, verdict === 'missing' ? 401 : 403, 'a valid token is required', headers);
    if (url.searchParams.has('token')) {
      // Swap the URL token for a cookie so it leaves the address bar and history.
      res.writeHead(303, {
        ...headers,
        'Set-Cookie': `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname,
      });
      res.end();
      return;
    }
    if (await handleReviewRoute(req, res, url, backend, headers)) return;
    if (req.method === 'PUT' && url.pathname === '/upload') {
      return receiveUpload(req, res, url, await backend.uploadDir(), headers);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'method not allowed', headers);
    if (url.pathname.startsWith(EXPORTS_ROUTE)) {
      const exported = resolveExport(await backend.casePath(), url.pathname);
      return exported ? sendExport(res, exported, headers) : deny(res, 404, 'not found', headers);
    }
    const file = resolveStatic(opts.rendererDir, url.pathname);
    if (!file) return deny(res, 404, 'not found', headers);
    sendStatic(res, file, headers);
  }

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const ok =
      url.pathname === '/rpc' && hostAllowed(req, port) && originAllowed(req, port) && checkToken(req, url, token) === 'ok';
    if (!ok) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => backend.attach(webSocketTransport(ws)));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      for (const c of wss.clients) c.terminate();
      wss.close();
      // close() waits for every open connection, and a browser keeps sockets it opened ahead
      // of a request (or a request still out) for as long as it likes: after a grace for
      // replies already being written, the rest are cut so the host can exit.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      await closed;
      clearTimeout(cut);
    },
  };
}

function required(service: EngineService | undefined): EngineService {
  if (!service) throw new Error('startServer: an engine service or backend is required');
  return service;
}

function deny(res: ServerResponse, status: number, message: string, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${message}\n`);
}
