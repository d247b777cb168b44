// Serve routes for reviewer mode, behind the same token/cookie check as every request:
//   PUT /review-upload?name=   an evidence package chosen in the browser, into this run's
//                              private review folder (the only place review.open reads from)
//   GET /review/report.pdf     the open package's verified PDF report, as a download
// (A download, not an <object>: the page's CSP keeps object-src 'none'.)
import type { IncomingMessage, ServerResponse } from 'node:http';
import { REVIEW_REPORT_URL } from '../../common/package';
import type { ServeBackend } from './backend';
import { sendExport } from './export-download';
import { receiveUpload } from './upload';

export const REVIEW_UPLOAD_ROUTE = '/review-upload';

/** Handles the request when it is a review route; false when it is not one. */
export async function handleReviewRoute(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  backend: ServeBackend,
  headers: Record<string, string>,
): Promise<boolean> {
  if (req.method === 'PUT' && url.pathname === REVIEW_UPLOAD_ROUTE) {
    await receiveUpload(req, res, url, await backend.reviewUploadDir(), headers);
    return true;
  }
  if ((req.method === 'GET' || req.method === 'HEAD') && url.pathname === REVIEW_REPORT_URL) {
    const file = await backend.reviewReportFile();
    if (!file) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('no evidence package with a verified report is open\n');
    } else sendExport(res, file, headers);
    return true;
  }
  return false;
}
