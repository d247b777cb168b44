// A 1M-event detection benchmark: Defender advanced-hunting JSONL (process starts and network
// connections of 400 workstations) plus a Squid log (their web traffic), with one Emotet-style
// incident planted on one host (Word -> encoded PowerShell -> rundll32 from Temp -> Run key ->
// a C2 beacon every ~5 minutes on 8080). Deterministic content.
import { createWriteStream } from 'node:fs';
import { lcg } from '../seeded-random.mjs';

const rng = lcg;

const T0 = Date.parse('2026-10-05T00:00:00Z');
const SPAN = 8 * 3600_000;
const iso7 = (t) => new Date(t).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
const PROCS = [
  ['chrome.exe', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'explorer.exe'],
  ['OUTLOOK.EXE', 'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE', 'explorer.exe'],
  ['svchost.exe', 'C:\\Windows\\System32\\svchost.exe', 'services.exe'],
  ['conhost.exe', 'C:\\Windows\\System32\\conhost.exe', 'cmd.exe'],
  ['Teams.exe', 'C:\\Users\\u\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe', 'explorer.exe'],
];
const SITES = ['www.example.co.jp', 'news.yahoo.co.jp', 'login.microsoftonline.com', 'cdn.jsdelivr.net', 'api.github.com', 'intranet.example.local'];

class Out {
  constructor(file) {
    this.s = createWriteStream(file);
    this.buf = [];
  }
  async line(l) {
    this.buf.push(l);
    if (this.buf.length >= 5000) await this.flush();
  }
  async flush() {
    if (!this.s.write(`${this.buf.join('\n')}\n`)) await new Promise((r) => this.s.once('drain', r));
    this.buf = [];
  }
  async end() {
    if (this.buf.length) await this.flush();
    await new Promise((r) => this.s.end(r));
  }
}

/** Writes `edrFile` and `squidFile` with `events` events in all (about 60% EDR, 40% proxy). */
export async function generateDetect(edrFile, squidFile, events = 1_000_000, seed = 7) {
  const rand = rng(seed);
  const edr = new Out(edrFile);
  const squid = new Out(squidFile);
  const hosts = Array.from({ length: 400 }, (_, i) => ({ name: `wks-${String(i).padStart(3, '0')}.corp.local`, ip: `10.40.${i >> 8}.${(i & 255) + 1}`, user: `user${i}` }));
  const row = (h, t, o) => JSON.stringify({ Timestamp: iso7(t), DeviceId: 'd', DeviceName: h.name, ReportId: Math.floor(rand() * 1e9), InitiatingProcessAccountDomain: 'corp', InitiatingProcessAccountName: h.user, ...o });
  // Each host's first event maps its address (resolution of proxy events).
  for (const h of hosts) {
    await edr.line(row(h, T0, { ActionType: 'ConnectionSuccess', RemoteIP: '10.40.255.1', RemotePort: 3128, LocalIP: h.ip, InitiatingProcessFileName: 'chrome.exe', InitiatingProcessCommandLine: 'chrome.exe' }));
  }
  // The planted incident on wks-123.
  const v = hosts[123];
  const ps = 'powershell -nop -w hidden -enc JAB1AD0AJwBoAHQAdABwADoALwAvAHMAaABvAHAALQBrAG8AYgBlAC4AZQB4AGEAbQBwAGwAZQAvAHgANwAvACcA';
  const t1 = T0 + 3600_000;
  const word = '"WINWORD.EXE" /n "C:\\Users\\user123\\Downloads\\請求書.doc" /o ""';
  await edr.line(row(v, t1, { ActionType: 'ProcessCreated', FileName: 'WINWORD.EXE', FolderPath: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE', ProcessCommandLine: word, InitiatingProcessFileName: 'explorer.exe', InitiatingProcessCommandLine: 'C:\\Windows\\Explorer.EXE' }));
  await edr.line(row(v, t1 + 3000, { ActionType: 'ProcessCreated', FileName: 'powershell.exe', FolderPath: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', ProcessCommandLine: ps, InitiatingProcessFileName: 'WINWORD.EXE', InitiatingProcessCommandLine: word }));
  const rd = 'rundll32.exe "C:\\Users\\user123\\AppData\\Local\\Temp\\qzx81.dll",DllRegisterServer';
  await edr.line(row(v, t1 + 9000, { ActionType: 'ProcessCreated', FileName: 'rundll32.exe', FolderPath: 'C:\\Windows\\System32\\rundll32.exe', ProcessCommandLine: rd, InitiatingProcessFileName: 'powershell.exe', InitiatingProcessCommandLine: ps }));
  await edr.line(row(v, t1 + 9500, { ActionType: 'RegistryValueSet', RegistryKey: 'HKEY_CURRENT_USER\\S-1-5-21-1\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run', RegistryValueName: 'qzx81', RegistryValueData: rd, InitiatingProcessFileName: 'rundll32.exe', InitiatingProcessCommandLine: rd }));
  for (let t = t1 + 60_000; t < T0 + SPAN; t += 300_000 * (0.85 + 0.3 * rand())) {
    await edr.line(row(v, Math.round(t), { ActionType: 'ConnectionSuccess', RemoteIP: '198.51.100.23', RemotePort: 8080, LocalIP: v.ip, InitiatingProcessFileName: 'rundll32.exe', InitiatingProcessCommandLine: rd }));
  }
  // Background: process starts, connections, web requests in random order of time.
  let written = hosts.length + 4;
  while (written < events) {
    const h = hosts[Math.floor(rand() * hosts.length)];
    const t = T0 + Math.floor(rand() * SPAN);
    const k = rand();
    if (k < 0.25) {
      const [name, path, parent] = PROCS[Math.floor(rand() * PROCS.length)];
      await edr.line(row(h, t, { ActionType: 'ProcessCreated', FileName: name, FolderPath: path, ProcessCommandLine: `"${path}" --type=${Math.floor(rand() * 9)}`, InitiatingProcessFileName: parent }));
    } else if (k < 0.6) {
      await edr.line(row(h, t, { ActionType: 'ConnectionSuccess', RemoteIP: `203.0.113.${Math.floor(rand() * 255)}`, RemotePort: rand() < 0.9 ? 443 : 80, RemoteUrl: SITES[Math.floor(rand() * SITES.length)], LocalIP: h.ip, InitiatingProcessFileName: 'chrome.exe', InitiatingProcessCommandLine: 'chrome.exe' }));
    } else {
      const site = SITES[Math.floor(rand() * SITES.length)];
      await squid.line(`${(t / 1000).toFixed(3)} ${String(Math.floor(rand() * 900)).padStart(6)} ${h.ip} TCP_MISS/200 ${Math.floor(rand() * 90000)} GET http://${site}/p/${Math.floor(rand() * 1e6)} - HIER_DIRECT/203.0.113.${Math.floor(rand() * 255)} text/html`);
    }
    written++;
  }
  await edr.end();
  await squid.end();
  return written;
}
