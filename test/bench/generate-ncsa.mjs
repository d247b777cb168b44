// Writes a realistic NCSA combined access log with a given number of lines (deterministic).
import { createWriteStream } from 'node:fs';
import { lcg } from '../seeded-random.mjs';

const rng = lcg;

const PATHS = ['/', '/index.html', '/wp-login.php', '/api/v1/orders', '/static/app.js', '/images/logo.png', '/invoice/請求書.doc', '/search?q=test', '/admin/', '/cgi-bin/test.cgi'];
const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
  'curl/8.4.0',
  'python-requests/2.31.0',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function clf(ms) {
  const d = new Date(ms + 9 * 3600000);
  const p = (n) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0900`;
}

export async function generateNcsa(file, lines, seed = 7) {
  const rand = rng(seed);
  const out = createWriteStream(file);
  let t = 1_760_000_000_000;
  let buf = [];
  let bytes = 0;
  for (let i = 0; i < lines; i++) {
    t += Math.floor(rand() * 200);
    const ip = `${1 + Math.floor(rand() * 223)}.${Math.floor(rand() * 256)}.${Math.floor(rand() * 256)}.${1 + Math.floor(rand() * 254)}`;
    const path = encodeURI(PATHS[Math.floor(rand() * PATHS.length)]);
    const status = rand() < 0.8 ? 200 : rand() < 0.5 ? 404 : 302;
    const line = `${ip} - ${rand() < 0.1 ? 'user' + Math.floor(rand() * 50) : '-'} [${clf(t)}] "${rand() < 0.9 ? 'GET' : 'POST'} ${path} HTTP/1.1" ${status} ${Math.floor(rand() * 50000)} "https://www.example.co.jp/" "${AGENTS[Math.floor(rand() * AGENTS.length)]}"\n`;
    buf.push(line);
    bytes += line.length;
    if (buf.length === 10000) {
      if (!out.write(buf.join(''))) await new Promise((r) => out.once('drain', r));
      buf = [];
    }
  }
  out.write(buf.join(''));
  await new Promise((r) => out.end(r));
  return bytes;
}
