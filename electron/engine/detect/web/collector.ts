// Web requests gathered during detection's one scan of the case (../scan.ts): per client, what
// it sent and how the server answered; per URL path, the sizes of its ordinary answers (the
// baseline an attack's answer is compared with); and every request that carried an attack
// technique or reached a script in a writable folder, kept whole for the triage (./triage.ts).
// Ordinary requests are reduced to counters, so a million-line access log costs little memory.
import type { WebTechnique } from '../../../common/detect';
import type { ScanRow } from '../scan';
import { classifyRequest, pathKey } from './request';
import { isCrawler, toolOf } from './tools';

/** Ordinary answer sizes kept per path: enough for a median and a spread. */
const BASELINE_SIZES = 40;
/** Paths with a baseline; past this, new paths get none (a proxy log's URLs are mostly unique). */
const MAX_BASELINE_PATHS = 200_000;
/** Requests kept whole (attacks and writable scripts); the rest are counted. */
export const MAX_KEPT_REQUESTS = 200_000;
/** 4xx answers remembered per client, for the scan (404 storm) test. */
const MAX_MISSES = 5_000;

export interface WebRequest {
  id: number;
  ms: number;
  time: string;
  ip: string;
  method: string | null;
  url: string;
  path: string;
  status: number | null;
  bytes: number | null;
  techniques: WebTechnique[];
  writableScript: boolean;
  commands: string[];
}

export interface WebClient {
  ip: string;
  first: number;
  last: number;
  firstTime: string;
  lastTime: string;
  requests: number;
  tools: Set<string>;
  crawler: boolean;
  /** Times and paths of 4xx answers (for the 404-storm test). */
  misses: { ms: number; path: string; id: number }[];
  /** POSTs to a path, with time and id, for the upload -> shell linkage. */
  posts: { ms: number; path: string; id: number; status: number | null }[];
}

export class WebCollector {
  readonly clients = new Map<string, WebClient>();
  readonly kept: WebRequest[] = [];
  readonly baseline = new Map<string, number[]>();
  /** Requests not kept because MAX_KEPT_REQUESTS was reached. */
  dropped = 0;

  visit = (row: ScanRow): void => {
    if (row.category !== 'web' || !row.url) return;
    const ip = row.src_ip ?? row.host;
    if (!ip || Number.isNaN(row.ms)) return;
    let c = this.clients.get(ip);
    if (!c) {
      c = { ip, first: row.ms, last: row.ms, firstTime: row.time, lastTime: row.time, requests: 0, tools: new Set(), crawler: false, misses: [], posts: [] };
      this.clients.set(ip, c);
    }
    c.requests++;
    if (row.ms < c.first) {
      c.first = row.ms;
      c.firstTime = row.time;
    }
    if (row.ms > c.last) {
      c.last = row.ms;
      c.lastTime = row.time;
    }
    const ua = row.user_agent;
    if (ua) {
      const tool = toolOf(ua);
      if (tool) c.tools.add(tool);
      else if (!c.crawler && isCrawler(ua)) c.crawler = true;
    }
    const path = pathKey(row.url);
    const status = row.http_status;
    if (status !== null && status >= 400 && status < 500 && c.misses.length < MAX_MISSES) c.misses.push({ ms: row.ms, path, id: row.id });
    const method = row.action ? row.action.toUpperCase() : null;
    if (method === 'POST' && c.posts.length < MAX_MISSES) c.posts.push({ ms: row.ms, path, id: row.id, status });

    const v = classifyRequest(row.url);
    if (v.techniques.length > 0 || v.writableScript) {
      if (this.kept.length >= MAX_KEPT_REQUESTS) this.dropped++;
      else {
        this.kept.push({ id: row.id, ms: row.ms, time: row.time, ip, method, url: row.url, path, status, bytes: row.bytes_in, techniques: v.techniques, writableScript: v.writableScript, commands: v.commands });
      }
      if (v.techniques.length > 0) return;
    }
    // An ordinary answer: part of what this path usually returns.
    if (status !== null && status >= 200 && status < 300 && row.bytes_in !== null && (method === 'GET' || method === null)) {
      let sizes = this.baseline.get(path);
      if (!sizes) {
        if (this.baseline.size >= MAX_BASELINE_PATHS) return;
        this.baseline.set(path, (sizes = []));
      }
      if (sizes.length < BASELINE_SIZES) sizes.push(row.bytes_in);
    }
  };
}
