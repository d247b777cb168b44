// A small public web server access log (NCSA combined) with ordinary visitors and four attacks
// (sqlmap dumping a table, a traversal that returns a file, an upload and a web shell), for the
// web triage's texts. Written after test/unit/detect/web/web-case.test.ts, smaller.
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';
const SQLMAP = 'sqlmap/1.7.11#stable (https://sqlmap.org)';

export function webAccessLog(): string {
  const reqs: { s: number; ip: string; m: string; url: string; st: number; b: number; ua: string }[] = [];
  const at = (s: number, ip: string, m: string, url: string, st: number, b: number, ua = CHROME) => reqs.push({ s, ip, m, url, st, b, ua });
  for (let i = 0; i < 30; i++) {
    const ip = `198.51.100.${10 + i}`;
    at(100 + i * 60, ip, 'GET', `/products.php?id=${(i % 5) + 1}`, 200, 5000 + (i % 5) * 100);
    at(130 + i * 60, ip, 'GET', `/download.php?file=manual-${i % 3}.pdf`, 200, 85_000 + i);
  }
  const sq = '203.0.113.20';
  ['1%27', '1%20AND%201%3D1', '1%27%20AND%20SLEEP%285%29--%20-', '1%20ORDER%20BY%209--%20-'].forEach((p, i) => at(1000 + i, sq, 'GET', `/products.php?id=${p}`, i === 3 ? 500 : 200, 5000, SQLMAP));
  at(1010, sq, 'GET', '/products.php?id=-1%20UNION%20ALL%20SELECT%20CONCAT%280x71%2Cusername%2C0x3a%2Cpassword%29%2CNULL%20FROM%20users--%20-', 200, 48_000, SQLMAP);
  const tr = '192.0.2.45';
  at(1100, tr, 'GET', '/download.php?file=../../../../etc/passwd', 403, 300);
  at(1101, tr, 'GET', '/download.php?file=..%2f..%2f..%2f..%2fetc%2fpasswd', 200, 2300);
  const ws = '192.0.2.99';
  at(1200, ws, 'GET', '/upload.php', 200, 2100);
  at(1201, ws, 'POST', '/upload.php', 200, 450);
  ['whoami', 'id', 'cat%20%2Fetc%2Fpasswd'].forEach((c, i) => at(1230 + i * 20, ws, 'GET', `/uploads/img_2291.php?cmd=${c}`, 200, 300 + i * 500));
  reqs.sort((a, b) => a.s - b.s);
  const base = Date.UTC(2026, 10, 3, 9, 0, 0);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return reqs
    .map((r) => {
      const d = new Date(base + r.s * 1000);
      return `${r.ip} - - [${p2(d.getUTCDate())}/Nov/2026:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000] "${r.m} ${r.url} HTTP/1.1" ${r.st} ${r.b} "-" "${r.ua}"`;
    })
    .join('\n') + '\n';
}
