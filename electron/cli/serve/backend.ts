// What `serve`'s HTTP side needs of the engine: a page's WebSocket attached, and, for uploads and
// downloads, the open case's folders. Either the engine service in this thread (tests, running
// from sources) or the router in front of the engine thread (host/router.ts), where every
// question about the case is asked of the engine thread, which owns it.
import { attachTransport, type EnvelopeTransport } from '../../engine/rpc/dispatcher';
import { reviewUploadDir } from '../../engine/review/open-review';
import type { EngineService } from '../../engine/rpc/service';
import type { EngineRouter } from '../../engine/host/router';

export interface ServeBackend {
  attach(transport: EnvelopeTransport): void;
  /** The open case's upload folder (created); throws when no case is open. */
  uploadDir(): Promise<string>;
  /** The folder review.open accepts packages from (this run's, the engine's). */
  reviewUploadDir(): Promise<string>;
  casePath(): Promise<string | undefined>;
  reviewReportFile(): Promise<string | null>;
}

export function inProcessBackend(service: EngineService): ServeBackend {
  return {
    attach: (transport) => attachTransport(service, transport),
    uploadDir: async () => service.uploadDir(),
    reviewUploadDir: async () => reviewUploadDir(),
    casePath: async () => service.currentCase?.path,
    reviewReportFile: async () => service.reviewReportFile(),
  };
}

export function routedBackend(router: EngineRouter): ServeBackend {
  return {
    attach: (transport) => router.attach(transport),
    uploadDir: async () => String(await router.internal('uploadDir')),
    reviewUploadDir: async () => String(await router.internal('reviewUploadDir')),
    casePath: async () => ((await router.internal('casePath')) as string | null) ?? undefined,
    reviewReportFile: async () => (await router.internal('reviewReportFile')) as string | null,
  };
}
