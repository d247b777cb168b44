// A public web server's access log with the traps an investigator meets: detect names only the
// attackers, their first successes and the web shell with its commands (decoded); the unedited
// SigmaHQ webserver rules run on it through the field mapping; IIS W3C gives the same answers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DetectResult } from '../../../../electron/common/detect';
import { tracelight } from '../../helpers/cli';
import { samplePath } from '../../helpers/samples';

const dir = mkdtempSync(path.join(os.tmpdir(), 'tracelight-web-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const SQLMAP = 'sqlmap/1.7.11#stable (https://sqlmap.org)';
interface Req { s: number; ip: string; m: string; url: string; st: number; b: number; ua: string; ref: string }
const reqs: Req[] = [];
const at = (s: number, ip: string, m: string, url: string, st: number, b: number, ua = CHROME, ref = '-') => reqs.push({ s, ip, m, url, st, b, ua, ref });

// Ordinary visitors and the look-alikes.
for (let i = 0; i < 30; i++) {
  const ip = `198.51.100.${10 + i}`;
  at(100 + i * 60, ip, 'GET', `/products.php?id=${(i % 5) + 1}`, 200, 5000 + (i % 5) * 100);
  at(110 + i * 60, ip, 'GET', '/search.php?q=select+chair', 200, 3200);
  at(120 + i * 60, ip, 'GET', '/product/union-jack-flag', 200, 7100, CHROME, 'https://shop.example/catalog/../sale/');
  at(130 + i * 60, ip, 'GET', `/download.php?file=manual-${i % 3}.pdf`, 200, 85_000 + i);
  at(140 + i * 60, ip, 'GET', `/uploads/thumb.php?img=${i}.jpg`, 200, 9000 + i);
}
// Googlebot walking 40 dead links in four minutes: not a scan.
for (let i = 0; i < 40; i++) at(300 + i * 6, '66.249.66.1', 'GET', `/archive/2019/item-${i}.html`, 404, 400, GOOGLEBOT);
// Nikto: a scanner, nothing found.
for (let i = 0; i < 25; i++) at(900 + i, '203.0.113.66', 'GET', `/admin${i}.php`, 404, 300, 'Mozilla/5.00 (Nikto/2.1.6) (Evasions:None) (Test:000003)');
// sqlmap: probes, then a UNION that dumps the users table (far larger than the page).
const sq = '203.0.113.20';
['1%27', '1%20AND%201%3D1', '1%27%20AND%20SLEEP%285%29--%20-', '1%20ORDER%20BY%209--%20-'].forEach((p, i) => at(1000 + i, sq, 'GET', `/products.php?id=${p}`, i === 3 ? 500 : 200, 5000, SQLMAP));
at(1010, sq, 'GET', '/products.php?id=-1%20UNION%20ALL%20SELECT%20CONCAT%280x71%2Cusername%2C0x3a%2Cpassword%29%2CNULL%20FROM%20users--%20-', 200, 48_000, SQLMAP);
// Path traversal: refused, then one that returns /etc/passwd (much smaller than the manuals).
const tr = '192.0.2.45';
at(1100, tr, 'GET', '/download.php?file=../../../../etc/passwd', 403, 300);
at(1101, tr, 'GET', '/download.php?file=..%2f..%2f..%2f..%2fetc%2fpasswd', 200, 2300);
// Upload, then a web shell driven from the query.
const ws = '192.0.2.99';
at(1200, ws, 'GET', '/upload.php', 200, 2100);
at(1201, ws, 'POST', '/upload.php', 200, 450);
['whoami', 'id', 'cat%20%2Fetc%2Fpasswd', 'ls%20-la%20%2Fvar%2Fwww'].forEach((c, i) => at(1230 + i * 20, ws, 'GET', `/uploads/img_2291.php?cmd=${c}`, 200, 300 + i * 500));
reqs.sort((a, b) => a.s - b.s);

const base = Date.UTC(2026, 10, 3, 9, 0, 0);
const M = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');
const ncsa = reqs.map((r) => {
  const d = new Date(base + r.s * 1000);
  return `${r.ip} - - [${p2(d.getUTCDate())}/${M[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000] "${r.m} ${r.url} HTTP/1.1" ${r.st} ${r.b} "${r.ref}" "${r.ua}"`;
});
const iis = [
  '#Software: Microsoft Internet Information Services 10.0',
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status sc-bytes time-taken',
  ...reqs.map((r) => {
    const d = new Date(base + r.s * 1000).toISOString();
    const q = r.url.indexOf('?');
    const plus = (s: string) => s.replace(/ /g, '+');
    return `${d.slice(0, 10)} ${d.slice(11, 19)} 10.0.0.5 ${r.m} ${q === -1 ? r.url : r.url.slice(0, q)} ${q === -1 ? '-' : r.url.slice(q + 1)} 443 - ${r.ip} ${plus(r.ua)} ${plus(r.ref)} ${r.st} 0 0 ${r.b} 15`;
  }),
];

function detect(name: string, lines: string[], args: string[] = []): DetectResult {
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  const casePath = path.join(dir, `${name}.tlcase`);
  expect(tracelight(['ingest', casePath, file]).code).toBe(0);
  const r = tracelight(['detect', casePath, ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as DetectResult;
}

const SIGMA = samplePath('sigma');

describe.each([
  ['NCSA combined', 'access.log', ncsa],
  ['IIS W3C', 'u_ex261103.log', iis],
])('web triage on %s', (_label, name, lines) => {
  const r = detect(name, lines, ['--rules', SIGMA]);
  const web = r.incident.web!;

  it('names only the attackers, with their techniques', () => {
    expect(web.attackers.map((a) => [a.ip, a.techniques])).toEqual([
      ['203.0.113.66', ['scanner']],
      [sq, ['scanner', 'sqli']],
      [tr, ['traversal']],
      [ws, ['upload', 'webshell']],
    ]);
    expect(web.attackers.find((a) => a.ip === sq)!.tools).toEqual(['sqlmap']);
  });

  it('lists the first successes in time order: the dump, the passwd read, the upload and the shell', () => {
    expect(web.successes.map((s) => [s.ip, s.technique, s.status, s.bytes])).toEqual([
      [sq, 'sqli', 200, 48_000],
      [tr, 'traversal', 200, 2300],
      [ws, 'upload', 200, null],
      [ws, 'webshell', 200, 300],
    ]);
    expect(web.successes[0]!.url).toContain('UNION%20ALL%20SELECT');
  });

  it('names the web shell, who used it and its commands, decoded', () => {
    expect(web.webshells).toEqual([
      expect.objectContaining({ path: '/uploads/img_2291.php', ips: [ws], commands: ['whoami', 'id', 'cat /etc/passwd', 'ls -la /var/www'] }),
    ]);
  });

  it('runs the unedited SigmaHQ webserver rules through the mapping, on the attackers only', () => {
    const sigma = r.findings.filter((f) => f.rule !== 'web-attack' && f.src_ip);
    const byRule = new Map<string, Set<string>>();
    for (const f of sigma) byRule.set(f.title, new Set([...(byRule.get(f.title) ?? []), f.src_ip!]));
    expect([...byRule.get('SQL Injection Strings In URI')!]).toEqual([sq]);
    expect([...byRule.get('Path Traversal Exploitation Attempts')!]).toEqual([tr]);
    for (const ips of byRule.values()) for (const ip of ips) expect([sq, tr, ws, '203.0.113.66']).toContain(ip);
  });

  it('makes one reviewable finding per attacker, the shell user critical', () => {
    const web = r.findings.filter((f) => f.rule === 'web-attack');
    expect(web.map((f) => [f.src_ip, f.severity])).toEqual([
      ['203.0.113.66', 'low'],
      [sq, 'high'],
      [tr, 'high'],
      [ws, 'critical'],
    ]);
    expect(r.incident.hosts).toEqual([]);
  });
});
