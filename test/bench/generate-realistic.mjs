// The bench's "realistic" data shape, written without looking at what the parsers expect:
// a few hundred clients whose traffic follows a Zipf law (a handful of busy machines, a long
// tail of quiet ones), a long tail of sites/paths (Zipf over thousands), method and status
// mixes and a user-agent mix close to what public web-server statistics report (GET ~88%,
// POST ~8%, 200 ~75%, 304 ~9%, 404 ~5%; desktop Chrome/Edge/Firefox/Safari, mobile, bots,
// scripts). The older generators give every line a new random client address, which makes a
// GROUP BY over clients a 1M-group query that flatters whoever is compared against it.
import { createWriteStream } from 'node:fs';
import { DEVICE_NETWORK_EVENTS_COLUMNS } from './generate-families.mjs';
import { lcg } from '../seeded-random.mjs';

const rng = lcg;

/** Draws indexes 0..n-1 with probability proportional to 1/(i+1)^s (inverse-CDF, binary search). */
export function zipf(n, s, rand) {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / Math.pow(i + 1, s);
  for (let i = 0; i < n; i++) cdf[i] /= sum;
  return () => {
    const u = rand();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Picks from [[value, weight], ...]. */
function weighted(pairs, rand) {
  const total = pairs.reduce((n, [, w]) => n + w, 0);
  return () => {
    let u = rand() * total;
    for (const [v, w] of pairs) if ((u -= w) < 0) return v;
    return pairs[pairs.length - 1][0];
  };
}

const METHODS = [['GET', 880], ['POST', 85], ['HEAD', 20], ['OPTIONS', 8], ['PUT', 4], ['DELETE', 2], ['PROPFIND', 1]];
const STATUS = [[200, 750], [304, 90], [404, 50], [301, 30], [302, 30], [206, 10], [403, 15], [401, 8], [500, 8], [503, 4], [400, 5]];
const AGENTS = [
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 380],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 120],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0', 60],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15', 70],
  ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1', 140],
  ['Mozilla/5.0 (Linux; Android 14; SH-M26) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', 110],
  ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 40],
  ['Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)', 20],
  ['curl/8.5.0', 15],
  ['python-requests/2.32.3', 10],
  ['Go-http-client/1.1', 10],
  ['-', 5],
];
const SECTIONS = ['', 'news', 'products', 'support', 'blog', 'ja/company', 'en/docs', 'api/v2', 'static/js', 'static/css', 'images', 'downloads', 'search', 'wp-content/uploads', 'お知らせ'];
const EXT = ['', '.html', '.php', '.js', '.css', '.png', '.jpg', '.pdf', '.json', '/'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n) => String(n).padStart(2, '0');

function clf(ms) {
  const d = new Date(ms + 9 * 3600000);
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0900`;
}

async function writeAll(file, lines, makeLine, header = '') {
  const out = createWriteStream(file);
  let buf = header;
  for (let i = 0; i < lines; i++) {
    buf += makeLine(i);
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise((r) => out.end(r));
}

/** NCSA combined log of one public web server: `clients` addresses, `paths` distinct URLs. */
export function generateRealisticNcsa(file, lines, { clients = 300, paths = 5000, seed = 21 } = {}) {
  const rand = rng(seed);
  const clientIps = Array.from({ length: clients }, () => `${1 + Math.floor(rand() * 223)}.${Math.floor(rand() * 256)}.${Math.floor(rand() * 256)}.${1 + Math.floor(rand() * 254)}`);
  const clientAgent = clientIps.map(weighted(AGENTS, rand));
  const clientUser = clientIps.map(() => (rand() < 0.05 ? `member${Math.floor(rand() * 900)}` : '-'));
  const urls = Array.from({ length: paths }, (_, i) => `/${SECTIONS[i % SECTIONS.length]}/${i.toString(36)}${EXT[Math.floor(rand() * EXT.length)]}`.replace('//', '/'));
  const client = zipf(clients, 1.1, rand);
  const url = zipf(paths, 1.0, rand);
  const method = weighted(METHODS, rand);
  const status = weighted(STATUS, rand);
  let t = Date.UTC(2026, 8, 28);
  return writeAll(file, lines, () => {
    t += Math.floor(rand() * 120);
    const c = client();
    const s = status();
    const bytes = s === 304 || s === 204 ? '-' : String(Math.floor(200 * Math.exp(rand() * 9)));
    const ref = rand() < 0.4 ? '-' : rand() < 0.7 ? `https://www.example.co.jp${urls[url()]}` : 'https://www.google.com/';
    const q = rand() < 0.08 ? `?id=${Math.floor(rand() * 10000)}` : '';
    return `${clientIps[c]} - ${clientUser[c]} [${clf(t)}] "${method()} ${encodeURI(urls[url()])}${q} HTTP/1.1" ${s} ${bytes} "${ref}" "${clientAgent[c]}"\n`;
  });
}

/**
 * Defender DeviceNetworkEvents CSV of a fleet: `devices` machines (Zipf activity), each with
 * one user, connecting to a long tail of sites (Zipf over `sites`) from a realistic process mix.
 * As in Defender's own tables, a connection carries the attributes of the process instance that
 * made it: one process instance (its id, unique id, creation time and parent) makes many
 * connections until it exits and a new one starts; a binary has one file size; an account one
 * object id. Instances live an exponential time (hours for a user's applications, a day for
 * services), so a few thousand instances serve a few hours of a 400-machine fleet.
 */
/** Bumped when the Defender rows change shape: benches cache generated inputs by file name. */
export const REALISTIC_DEFENDER_VERSION = 2;

export function generateRealisticDefenderCsv(file, rows, { devices = 400, sites = 3000, seed = 22 } = {}) {
  const rand = rng(seed);
  const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rand() * 16)]).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
  const defenderTime = (ms) => new Date(ms).toISOString().replace('Z', '0000Z');
  const start = Date.UTC(2026, 8, 28);
  const fleet = Array.from({ length: devices }, (_, i) => ({
    name: `${i % 7 === 0 ? 'srv' : 'pc'}-${String(i).padStart(4, '0')}.corp.example.co.jp`,
    id: hex(40),
    ip: `10.${10 + (i >> 8)}.${i & 255}.${10 + Math.floor(rand() * 200)}`,
    user: `u${String(1000 + i)}`,
    sid: `S-1-5-21-3623811015-3361044348-30300820-${1000 + i}`,
    objectId: uuid(),
    // The session's explorer.exe and services.exe, started at logon/boot before the window.
    parents: {
      'explorer.exe': { pid: 4000 + Math.floor(rand() * 4000), created: defenderTime(start - Math.floor(rand() * 8 * 3600000)) },
      'services.exe': { pid: 600 + Math.floor(rand() * 400), created: defenderTime(start - Math.floor((1 + rand() * 6) * 86400000)) },
    },
    running: new Map(),
    nextUnique: 1000 + Math.floor(rand() * 100000),
  }));
  const siteNames = Array.from({ length: sites }, (_, i) => ({
    host: `${['www', 'cdn', 'api', 'login', 'static'][i % 5]}.site${i.toString(36)}.${['com', 'co.jp', 'net', 'jp', 'io'][i % 5]}`,
    ip: `${13 + (i % 200)}.${(i * 7) & 255}.${(i * 13) & 255}.${1 + (i % 250)}`,
  }));
  const HOUR = 3600000;
  const procs = [
    ['msedge.exe', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application', 350, 'explorer.exe', 4 * HOUR],
    ['chrome.exe', 'C:\\Program Files\\Google\\Chrome\\Application', 250, 'explorer.exe', 4 * HOUR],
    ['svchost.exe', 'C:\\Windows\\System32', 150, 'services.exe', 24 * HOUR],
    ['OneDrive.exe', 'C:\\Program Files\\Microsoft OneDrive', 60, 'explorer.exe', 8 * HOUR],
    ['Teams.exe', 'C:\\Program Files\\WindowsApps\\MSTeams', 60, 'explorer.exe', 8 * HOUR],
    ['OUTLOOK.EXE', 'C:\\Program Files\\Microsoft Office\\root\\Office16', 50, 'explorer.exe', 8 * HOUR],
    ['MsMpEng.exe', 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0', 40, 'services.exe', 24 * HOUR],
    ['powershell.exe', 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0', 8, 'explorer.exe', 0.1 * HOUR],
    ['rundll32.exe', 'C:\\Windows\\System32', 2, 'explorer.exe', 0.1 * HOUR],
  ].map(([f, dir, w, parent, life]) => [{ f, dir, parent, life, sha1: hex(40), sha256: hex(64), md5: hex(32), size: 100000 + Math.floor(rand() * 900000) }, w]);
  const proc = weighted(procs, rand);
  const device = zipf(devices, 0.9, rand);
  const site = zipf(sites, 1.05, rand);
  const action = weighted([['ConnectionSuccess', 800], ['ConnectionFailed', 60], ['InboundConnectionAccepted', 50], ['ConnectionAttempt', 40], ['ListeningConnectionCreated', 10], ['ConnectionFound', 40]], rand);
  const port = weighted([[443, 850], [80, 100], [53, 20], [445, 10], [3389, 5], [8080, 15]], rand);
  /** The device's running instance of the process at time t: a new one once the last has exited. */
  const instance = (d, p, t) => {
    let run = d.running.get(p.f);
    if (!run || run.exits <= t) {
      // The first instance seen was already running when the window opened.
      const created = run ? t - Math.floor(rand() * 1000) : t - Math.floor(rand() * p.life);
      run = { pid: 1000 + 4 * Math.floor(rand() * 7500), created: defenderTime(created), unique: d.nextUnique++, exits: t + Math.max(1000, -Math.log(1 - rand()) * p.life) };
      d.running.set(p.f, run);
    }
    return run;
  };
  let t = start;
  return writeAll(file, rows, (i) => {
    t += Math.floor(rand() * 40);
    const d = fleet[device()];
    const p = proc();
    const s = siteNames[site()];
    const rp = port();
    const run = instance(d, p, t);
    const parent = d.parents[p.parent];
    const row = [
      defenderTime(t), d.id, d.name, action(), s.ip, rp, rp === 445 || rp === 3389 ? '' : s.host,
      d.ip, 49152 + Math.floor(rand() * 16000), 'Tcp', 'Private', 'Public', p.sha1, p.sha256, p.md5, p.f,
      p.size, 'Microsoft Corporation', p.f, '10.0.26100.1', p.f, p.f,
      p.f, run.pid, `"${p.dir}\\${p.f}"`, run.created, `${p.dir.toLowerCase()}\\${p.f.toLowerCase()}`,
      p.parent, parent.pid, parent.created, 'corp', d.user, d.sid,
      `${d.user}@corp.example.co.jp`, d.objectId, 'Medium', 'None', 10000 + i, '', '{}', 1, 'False', '', '', run.unique,
    ];
    return `${row.map((v) => { const x = String(v); return /[",\r\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x; }).join(',')}\n`;
  }, `${DEVICE_NETWORK_EVENTS_COLUMNS.join(',')}\n`);
}

/** Squid native access.log of an office proxy: `clients` machines (Zipf), `sites` (Zipf). */
export function generateRealisticSquid(file, lines, { clients = 400, sites = 3000, seed = 23 } = {}) {
  const rand = rng(seed);
  const ips = Array.from({ length: clients }, (_, i) => `10.${10 + (i >> 8)}.${i & 255}.${10 + Math.floor(rand() * 200)}`);
  const users = ips.map((_, i) => (rand() < 0.7 ? `u${1000 + i}` : '-'));
  const hosts = Array.from({ length: sites }, (_, i) => `${['www', 'cdn', 'api', 'img', 'login'][i % 5]}.site${i.toString(36)}.${['com', 'co.jp', 'net', 'jp', 'io'][i % 5]}`);
  const client = zipf(clients, 1.0, rand);
  const site = zipf(sites, 1.05, rand);
  const code = weighted([['TCP_TUNNEL/200', 550], ['TCP_MISS/200', 250], ['TCP_HIT/200', 60], ['TCP_MISS/304', 50], ['TCP_DENIED/403', 30], ['TCP_MISS/404', 25], ['TCP_MISS/302', 25], ['TCP_MISS/503', 10]], rand);
  const mime = weighted([['text/html', 30], ['application/json', 25], ['image/png', 15], ['application/javascript', 15], ['application/octet-stream', 5], ['-', 10]], rand);
  let t = Date.UTC(2026, 8, 28);
  return writeAll(file, lines, () => {
    t += Math.floor(rand() * 60);
    const c = client();
    const h = hosts[site()];
    const k = code();
    const elapsed = String(Math.floor(Math.exp(rand() * 10))).padStart(6);
    const dst = `203.0.${Math.floor(rand() * 4)}.${1 + Math.floor(rand() * 250)}`;
    if (k === 'TCP_TUNNEL/200') return `${(t / 1000).toFixed(3)} ${elapsed} ${ips[c]} ${k} ${Math.floor(200 * Math.exp(rand() * 9))} CONNECT ${h}:443 ${users[c]} HIER_DIRECT/${dst} -\n`;
    const method = rand() < 0.9 ? 'GET' : 'POST';
    return `${(t / 1000).toFixed(3)} ${elapsed} ${ips[c]} ${k} ${Math.floor(200 * Math.exp(rand() * 9))} ${method} http://${h}/${SECTIONS[1 + Math.floor(rand() * (SECTIONS.length - 1))]}/${Math.floor(rand() * 500).toString(36)} ${users[c]} HIER_DIRECT/${dst} ${mime()}\n`;
  });
}

/** FortiGate traffic log of an office: `clients` LAN machines (Zipf), destinations Zipf over `dests`. */
export function generateRealisticFortigate(file, lines, { clients = 400, dests = 5000, seed = 24 } = {}) {
  const rand = rng(seed);
  const lan = Array.from({ length: clients }, (_, i) => `10.${10 + (i >> 8)}.${i & 255}.${10 + Math.floor(rand() * 200)}`);
  const dst = Array.from({ length: dests }, (_, i) => `${13 + (i % 200)}.${(i * 7) & 255}.${(i * 13) & 255}.${1 + (i % 250)}`);
  const client = zipf(clients, 1.0, rand);
  const dest = zipf(dests, 1.05, rand);
  const port = weighted([[443, 800], [80, 90], [53, 60], [123, 10], [445, 5], [3389, 5], [8080, 15], [22, 5]], rand);
  const action = weighted([['close', 700], ['timeout', 120], ['accept', 80], ['deny', 70], ['server-rst', 20], ['client-rst', 10]], rand);
  const p2 = (n) => String(n).padStart(2, '0');
  let t = Date.UTC(2026, 8, 28);
  let session = 1_000_000;
  return writeAll(file, lines, () => {
    t += Math.floor(rand() * 40);
    const d = new Date(t);
    const dp = port();
    const a = action();
    const service = { 443: 'HTTPS', 80: 'HTTP', 53: 'DNS', 123: 'NTP', 445: 'SMB', 3389: 'RDP', 8080: 'tcp/8080', 22: 'SSH' }[dp];
    return `date=${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} time=${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" eventtime=${Math.floor(t / 1000)} srcip=${lan[client()]} srcport=${49152 + Math.floor(rand() * 16000)} srcintf="port2" srcintfrole="lan" dstip=${dst[dest()]} dstport=${dp} dstintf="wan1" dstintfrole="wan" sessionid=${session++} proto=${dp === 53 || dp === 123 ? 17 : 6} action="${a}" policyid=${a === 'deny' ? 99 : 1} policytype="policy" service="${service}" dstcountry="Japan" srccountry="Reserved" trandisp="snat" transip=203.0.113.10 transport=${1024 + Math.floor(rand() * 60000)} duration=${Math.floor(Math.exp(rand() * 6))} sentbyte=${Math.floor(100 * Math.exp(rand() * 8))} rcvdbyte=${Math.floor(100 * Math.exp(rand() * 10))} sentpkt=${1 + Math.floor(rand() * 90)} rcvdpkt=${1 + Math.floor(rand() * 900)} appcat="unscanned"\n`;
  });
}
