// Writes a realistic Squid native access.log of a given size (deterministic content).
import { createWriteStream } from 'node:fs';
import { lcg } from '../seeded-random.mjs';

const rng = lcg;

const CODES = ['TCP_MISS/200', 'TCP_MISS/200', 'TCP_HIT/200', 'TCP_REFRESH_MODIFIED/200', 'TCP_MISS/304', 'TCP_DENIED/403', 'TCP_MISS/503', 'TCP_TUNNEL/200'];
const MIME = ['text/html', 'application/json', 'image/png', 'application/octet-stream', 'application/javascript', '-'];
const HOSTS = ['www.example.co.jp', 'cdn.jsdelivr.net', 'ocsp.digicert.com', 'update.microsoft.com', 'api.github.com', 'news.yahoo.co.jp', 'login.microsoftonline.com', 'files.example-invoice.top'];
const WORDS = ['static', 'img', 'v1', 'api', 'download', 'invoice', 'seikyusho', 'assets', 'js', 'css', 'content', 'user', 'docs'];

// `maxLines` stops at an exact line count (the exports bench wants exactly 200,000 events).
export async function generateSquid(file, bytes, seed = 42, maxLines = Infinity) {
  const rand = rng(seed);
  const out = createWriteStream(file);
  let written = 0;
  let lines = 0;
  let t = 1_760_000_000_000;
  let buf = [];
  let bufBytes = 0;
  while (written < bytes && lines < maxLines) {
    t += Math.floor(rand() * 40);
    const code = CODES[Math.floor(rand() * CODES.length)];
    const host = HOSTS[Math.floor(rand() * HOSTS.length)];
    const client = `10.${Math.floor(rand() * 4)}.${Math.floor(rand() * 255)}.${1 + Math.floor(rand() * 250)}`;
    let line;
    if (code === 'TCP_TUNNEL/200') {
      line = `${(t / 1000).toFixed(3)} ${String(Math.floor(rand() * 60000)).padStart(6)} ${client} ${code} ${Math.floor(rand() * 90000)} CONNECT ${host}:443 - HIER_DIRECT/203.0.113.${Math.floor(rand() * 255)} -`;
    } else {
      const depth = 1 + Math.floor(rand() * 5);
      const segs = Array.from({ length: depth }, () => WORDS[Math.floor(rand() * WORDS.length)] + Math.floor(rand() * 1000));
      const query = rand() < 0.4 ? `?id=${Math.floor(rand() * 1e9).toString(16)}&session=${Math.floor(rand() * 1e12).toString(36)}` : '';
      const user = rand() < 0.3 ? `user${Math.floor(rand() * 500)}` : '-';
      const method = rand() < 0.85 ? 'GET' : 'POST';
      line = `${(t / 1000).toFixed(3)} ${String(Math.floor(rand() * 2000)).padStart(6)} ${client} ${code} ${Math.floor(rand() * 200000)} ${method} http://${host}/${segs.join('/')}${query} ${user} HIER_DIRECT/198.51.100.${Math.floor(rand() * 255)} ${MIME[Math.floor(rand() * MIME.length)]}`;
    }
    line += '\n';
    buf.push(line);
    bufBytes += line.length;
    written += line.length;
    lines++;
    if (bufBytes > 1 << 20) {
      if (!out.write(buf.join(''))) await new Promise((r) => out.once('drain', r));
      buf = [];
      bufBytes = 0;
    }
  }
  out.write(buf.join(''));
  await new Promise((r) => out.end(r));
  return { lines, bytes: written };
}
