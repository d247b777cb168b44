// Emotet-style outbreaks seen only on the network (no EDR, no indicator file), with ground
// truth, for the accuracy bench and the unit tests. Per seed: 5-40 workstations in one or two
// zones; 1-4 of them fetch a payload through the Squid proxy (application/octet-stream or
// x-msdownload, 250-600 KB, URL as Emotet's loaders write them, trailing slash or not), then
// beacon to one of 2-3 C2 endpoints (bare addresses; 8080, 7080, 8443, 4143, 2222 or 443),
// now and then trying another, directly or through the proxy, every 60-600 s with 0-50 % jitter, sometimes changing the sleep halfway. Sources collected:
// Squid and/or FortiGate (at least one), Windows Firewall logs from some machines. Noise:
// browsing, a SaaS status poll from every machine, NTP, an administrator who downloads a tool
// (an .msi) and whose monitoring agent polls an internal server, a backup job to a public
// address on 443 every hour.
// EDR variant (4 seeds in 10, drawn from a second stream so the network-only seeds stay as
// they were): Sysmon from about half the machines, the administrator's always. A victim with
// Sysmon was hit by an Excel 4.0 (XLM) lure: EXCEL.EXE fetches the DLL (the proxy's line is the
// only place its URL appears, without an extension), writes it as `..\oxnv1.ooccxx` and starts
// `regsvr32 /s` or `rundll32 ...,DllRegisterServer` on it, which then beacons. Look-alikes: the
// administrator opens a workbook that does nothing, and installs the tool's .msi, whose
// msiexec registers a DLL from Program Files with regsvr32.
// Truth: infected actors (the Sysmon host name where Sysmon names the machine, else the source
// address), C2 endpoints (ip:port), payload URLs as written, patient zero.
import { rng } from './generate-web.mjs';
import { EDGE, EXCEL, SysmonLog, explorer } from './generate-sysmon.mjs';

const C2_PORTS = [8080, 7080, 8443, 4143, 2222, 443];
const SITES = ['shop-kobe.example', 'blog-nagoya.example', 'cafe-sapporo.example', 'onsen-beppu.example', 'garden-kyoto.example', 'photo-sendai.example'];

export function generateEmotetScenario(seed) {
  const r = rng(seed + 7919);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const start = Date.UTC(2026, 9, 5, 0, 0, 0) + int(0, 3600) * 1000;
  const end = start + int(3, 5) * 3600_000;
  const nHosts = int(5, 40);
  const zones = r() < 0.5 ? ['10.20.30'] : ['10.20.30', '10.40.8'];
  const hosts = [...new Set(Array.from({ length: nHosts }, () => `${pick(zones)}.${int(10, 250)}`))];
  const proxy = '10.20.1.5';
  const collect = { squid: r() < 0.8, fortigate: true };
  if (collect.squid) collect.fortigate = r() < 0.75;
  const winfwHosts = new Set(hosts.filter(() => r() < 0.4));
  const r2 = rng(seed + 104729);
  // The first draws of neighbouring seeds are alike (a linear congruential generator): skip them.
  for (let i = 0; i < 4; i++) r2();
  const edr = r2() < 0.4;
  const sysmon = new SysmonLog(r2);
  const machine = new Map(hosts.map((ip, k) => [ip, { ip, name: `WS-${ip.split('.').slice(2).join('-')}`, user: `CORP\\user${k}`, home: `C:\\Users\\user${k}`, edr: edr && (k === 0 || r2() < 0.5) }]));
  const id = (ip) => (machine.get(ip).edr ? machine.get(ip).name : ip);
  const squid = [];
  const forti = [];
  const winfw = new Map();
  const sq = (t, ip, url, status, bytes, type, method = 'GET', peer = `198.51.100.${int(1, 250)}`) =>
    squid.push([t, `${(t / 1000).toFixed(3)} ${String(int(20, 900)).padStart(6)} ${ip} TCP_MISS/${status} ${bytes} ${method} ${url} - HIER_DIRECT/${peer} ${type}`]);
  const fg = (t, ip, dst, port, service = `tcp/${port}`) => {
    const d = new Date(t).toISOString();
    forti.push([t, `date=${d.slice(0, 10)} time=${d.slice(11, 19)} tz="+0000" devname="FGT-HQ" logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" srcip=${ip} srcport=${int(49152, 65000)} srcintf="lan" dstip=${dst} dstport=${port} dstintf="wan1" proto=6 action="close" policyid=12 service="${service}" duration=${int(1, 9)} sentbyte=${int(300, 900)} rcvdbyte=${int(600, 4000)}`]);
  };
  const wf = (t, ip, dst, port) => {
    if (!winfwHosts.has(ip)) return;
    const d = new Date(t).toISOString();
    if (!winfw.has(ip)) winfw.set(ip, []);
    winfw.get(ip).push([t, `${d.slice(0, 10)} ${d.slice(11, 19)} ALLOW TCP ${ip} ${dst} ${int(49152, 65000)} ${port} 0 - 0 0 0 - - - SEND`]);
  };
  const conn = (t, ip, dst, port) => {
    if (collect.fortigate) fg(t, ip, dst, port);
    wf(t, ip, dst, port);
  };
  const web = (t, ip, url, status, bytes, type) => {
    if (collect.squid) sq(t, ip, url, status, bytes, type);
    if (collect.fortigate) fg(t + 150, proxy, `203.0.113.${int(1, 250)}`, url.startsWith('https') ? 443 : 80);
  };

  // Noise on every machine.
  const saasStart = start - 3600_000;
  for (const ip of hosts) {
    for (let t = start + int(0, 600) * 1000; t < end; t += int(20, 400) * 1000) {
      const site = pick(['news.example', 'intranet.example', 'docs.example', 'cdn.example', 'mail.example']);
      web(t, ip, `http://${site}/${pick(['a', 'b', 'c', 'index'])}/${int(1, 9999)}.html`, 200, int(2000, 90000), 'text/html');
      const m = machine.get(ip);
      if (m.edr) sysmon.conn(m, t - 150, { ...explorer(m), guid: `{edge-${ip}}`, pid: 6600, image: EDGE }, collect.squid ? proxy : `203.0.113.${1 + Math.floor(r2() * 250)}`, collect.squid ? 3128 : 80);
    }
    for (let t = saasStart + int(0, 300) * 1000; t < end; t += 300_000 + int(-3, 3) * 1000) web(t, ip, 'https://status.cloudsvc.example/api/v2/ping', 200, int(300, 400), 'application/json');
    for (let t = start + int(0, 1024) * 1000; t < end; t += 1024_000) conn(t, ip, '203.0.113.123', 123);
  }
  // The administrator: installs a tool, then its agent polls an internal server; a backup job hourly.
  const admin = hosts[0];
  const tInstall = start + int(600, 3600) * 1000;
  web(tInstall, admin, `http://downloads.vendor.example/tools/agent-setup-${int(1, 9)}.msi`, 200, int(2_000_000, 9_000_000), 'application/x-msi');
  for (let t = tInstall + 60_000; t < end; t += 120_000 + int(-5, 5) * 1000) conn(t, admin, '10.20.1.20', 8443);
  for (let t = start; t < end; t += 3600_000) conn(t + int(0, 30) * 1000, admin, '192.0.2.200', 443);
  const am = machine.get(admin);
  if (am.edr) {
    sysmon.start(am, start + 300_000, { pid: 5120, image: EXCEL, cmd: `"${EXCEL}" "\\\\fs01\\share\\budget-2026.xlsx"` }, explorer(am));
    const msi = sysmon.start(am, tInstall + 40_000, { pid: 7300, image: 'C:\\Windows\\System32\\msiexec.exe', cmd: `"C:\\Windows\\System32\\msiexec.exe" /i "${am.home}\\Downloads\\agent-setup.msi"` }, explorer(am));
    sysmon.start(am, tInstall + 70_000, { pid: 7344, image: 'C:\\Windows\\SysWOW64\\regsvr32.exe', cmd: 'regsvr32.exe /s "C:\\Program Files (x86)\\Vendor Agent\\agentps.dll"' }, msi);
  }

  // The outbreak.
  const nInfected = Math.min(hosts.length - 1, int(1, 4));
  const victims = [...hosts.slice(1)].sort(() => r() - 0.5).slice(0, nInfected);
  const c2 = Array.from({ length: int(2, 3) }, () => ({ ip: `${pick(['45.', '185.', '91.', '146.'])}${int(1, 254)}.${int(1, 254)}.${int(1, 254)}`, port: pick(C2_PORTS) }));
  // A bare address on 443 needs another endpoint beside it to be told from HTTPS browsing.
  if (c2.every((c) => c.port === 443)) c2[0].port = 8080;
  const sleep = int(60, 600);
  const jitter = r() * 0.5;
  const change = r() < 0.3;
  const payloadUrls = SITES.map((s) => `http://${s}/wp-content/${Math.floor(r() * 1e6).toString(36)}${r() < 0.5 ? '/' : ''}`);
  let t0 = start + int(900, 3600) * 1000;
  const truth = { infected: [], c2: new Set(), payload_urls: new Set(), patient_zero: null };
  victims.forEach((ip, k) => {
    t0 += int(60, 1800) * 1000;
    // Emotet speaks through the system proxy when one is set (WinINet), else directly.
    const viaProxy = collect.squid && (!collect.fortigate || r() < 0.5);
    const m = machine.get(ip);
    const observed = viaProxy || collect.fortigate || winfwHosts.has(ip) || m.edr;
    const url = pick(payloadUrls);
    // XLM droppers' compromised WordPress sites serve the DLL as application/octet-stream (no proxy rule names that).
    if (collect.squid) {
      const size = int(250_000, 600_000);
      const type = pick(['application/octet-stream', 'application/x-msdownload']);
      sq(t0, ip, url, 200, size, m.edr ? 'application/octet-stream' : type);
    }
    let loader = null;
    if (m.edr) {
      // The XLM lure: EXCEL fetches the DLL, writes it beside the user's folder, a LOLBin loads it.
      const xl = sysmon.start(m, t0 - 20_000 - Math.floor(r2() * 60_000), { pid: 5200 + k, image: EXCEL, cmd: `"${EXCEL}" "${m.home}\\Downloads\\${['INV-2026-1005.xls', '請求書_1005.xls', 'Scan_0091.xls'][Math.floor(r2() * 3)]}"` }, explorer(m));
      sysmon.conn(m, t0 - 500, xl, collect.squid ? proxy : `198.51.100.${1 + Math.floor(r2() * 250)}`, collect.squid ? 3128 : 80);
      sysmon.created(m, t0 + 1500, xl, `${m.home}\\oxnv1.ooccxx`);
      loader = sysmon.start(
        m,
        t0 + 3000 + Math.floor(r2() * 4000),
        r2() < 0.5
          ? { pid: 6100 + k, image: 'C:\\Windows\\SysWOW64\\regsvr32.exe', cmd: 'C:\\Windows\\SysWow64\\regsvr32.exe /s ..\\oxnv1.ooccxx' }
          : { pid: 6100 + k, image: 'C:\\Windows\\SysWOW64\\rundll32.exe', cmd: 'C:\\Windows\\SysWow64\\rundll32.exe ..\\oxnv1.ooccxx,DllRegisterServer' },
        xl,
      );
    }
    let t = t0 + int(10, 90) * 1000;
    const seen = new Set();
    while (t < end) {
      const s = change && t > (t0 + end) / 2 ? sleep * 3 : sleep;
      // It keeps to the endpoint that answers, now and then trying another of its list.
      const ep = r() < 0.15 ? pick(c2) : c2[k % c2.length];
      if (viaProxy) sq(t, ip, `http://${ep.ip}:${ep.port}/${Math.floor(r() * 1e9).toString(36)}/`, 200, int(200, 9000), 'text/html', 'POST', ep.ip);
      else conn(t, ip, ep.ip, ep.port);
      if (loader) sysmon.conn(m, t - 100, loader, viaProxy ? proxy : ep.ip, viaProxy ? 3128 : ep.port);
      seen.add(`${ep.ip}:${ep.port}`);
      t += Math.round(s * 1000 * (1 + jitter * (2 * r() - 1)));
    }
    // Truth is what the collected evidence can show: a machine none of whose C2 traffic was
    // collected is not counted (its download alone looks like any other download).
    if (!observed) return;
    truth.infected.push(id(ip));
    truth.patient_zero ??= id(ip);
    for (const e of seen) truth.c2.add(e);
    if (collect.squid) truth.payload_urls.add(url);
  });
  const files = [];
  const lines = (rows) => rows.sort((a, b) => a[0] - b[0]).map((x) => x[1]);
  if (collect.squid) files.push({ name: 'access.log', lines: lines(squid) });
  if (collect.fortigate) files.push({ name: 'fortigate-traffic.log', lines: lines(forti) });
  if (edr) files.push({ name: 'sysmon.jsonl', lines: sysmon.lines() });
  for (const [ip, rows] of winfw) {
    files.push({ name: `pfirewall-${ip}.log`, tz: 'UTC', lines: ['#Version: 1.5', '#Software: Microsoft Windows Firewall', '#Time Format: Local', '#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path', ...lines(rows)] });
  }
  return {
    files,
    params: { hosts: hosts.length, infected: victims.length, sleep, jitter: Number(jitter.toFixed(2)), sleepChange: change, collected: { ...collect, winfw: winfwHosts.size, sysmon: [...machine.values()].filter((x) => x.edr).length } },
    truth: { infected: truth.infected, c2: [...truth.c2], payload_urls: [...truth.payload_urls], patient_zero: truth.patient_zero },
  };
}
