// Deterministic generated logs, one per format family, in each product's documented layout
// (the same layouts as the real samples in ../shared/samples), for `npm run bench`.
// Each generator writes `records` records and returns { records, bytes }.
import { createWriteStream } from 'node:fs';
import { lcg } from '../seeded-random.mjs';

const rng = lcg;

/** Buffered line writer: 1 MiB writes, waits on back-pressure. */
async function writeLines(file, records, makeLine, header = '') {
  const out = createWriteStream(file);
  let buf = header;
  let bytes = Buffer.byteLength(header);
  for (let i = 0; i < records; i++) {
    const line = `${makeLine(i)}\n`;
    buf += line;
    if (buf.length > 1 << 20) {
      bytes += Buffer.byteLength(buf);
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  bytes += Buffer.byteLength(buf);
  out.write(buf);
  await new Promise((r) => out.end(r));
  return { records, bytes };
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
const T0 = Date.UTC(2025, 9, 9, 0, 0, 0);
const HOSTS = ['WS-0101', 'WS-0102', 'WS-0117', 'SRV-FILE01', 'LAPTOP-KEIRI03', 'WS-0150'];
const USERS = ['tanaka', 'suzuki', 'sato', 'takahashi', 'ito', 'watanabe'];
const IMAGES = [
  'C:\\Windows\\System32\\svchost.exe',
  'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE',
  'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
  'C:\\Windows\\System32\\rundll32.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];
const pick = (rand, xs) => xs[Math.floor(rand() * xs.length)];
const ip = (rand) => `${1 + Math.floor(rand() * 223)}.${Math.floor(rand() * 256)}.${Math.floor(rand() * 256)}.${1 + Math.floor(rand() * 254)}`;
const lan = (rand) => `10.20.${Math.floor(rand() * 8)}.${1 + Math.floor(rand() * 250)}`;
const hex = (rand, n) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rand() * 16)]).join('');
const guid = (rand) => `${hex(rand, 8)}-${hex(rand, 4)}-${hex(rand, 4)}-${hex(rand, 4)}-${hex(rand, 12)}`;
const csv = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** FortiGate traffic log (FortiOS log reference: key=value, quoted strings). */
export function generateFortigate(file, records, seed = 11) {
  const rand = rng(seed);
  let t = T0;
  return writeLines(file, records, (i) => {
    t += Math.floor(rand() * 50);
    const d = new Date(t);
    const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    const action = rand() < 0.9 ? 'close' : 'deny';
    return `date=${date} time=${time} logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" eventtime=${Math.floor(t / 1000)} srcip=${lan(rand)} srcport=${1024 + Math.floor(rand() * 60000)} srcintf="port2" srcintfrole="lan" dstip=${ip(rand)} dstport=${pick(rand, [443, 80, 8080, 53, 445])} dstintf="wan1" dstintfrole="wan" sessionid=${1000000 + i} proto=6 action="${action}" policyid=1 policytype="policy" service="HTTPS" dstcountry="Japan" srccountry="Reserved" trandisp="snat" transip=203.0.113.10 transport=${1024 + Math.floor(rand() * 60000)} duration=${Math.floor(rand() * 300)} sentbyte=${Math.floor(rand() * 90000)} rcvdbyte=${Math.floor(rand() * 900000)} sentpkt=${Math.floor(rand() * 90)} rcvdpkt=${Math.floor(rand() * 900)} appcat="unscanned"`;
  });
}

/** PAN-OS TRAFFIC log, CSV syslog payload (PAN-OS 10 syslog field descriptions), as the sample. */
export function generatePanos(file, records, seed = 12) {
  const rand = rng(seed);
  let t = T0;
  return writeLines(file, records, (i) => {
    t += Math.floor(rand() * 50);
    const d = new Date(t);
    const stamp = `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const sys = `${months[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} PA-VM`;
    const src = lan(rand);
    const dst = ip(rand);
    const sport = 1024 + Math.floor(rand() * 60000);
    const dport = pick(rand, [443, 80, 8088, 53, 445]);
    const bytes = Math.floor(rand() * 90000);
    const action = rand() < 0.9 ? 'allow' : 'deny';
    return `${sys} 1,${stamp},44A1B3FC68F5304,TRAFFIC,end,2049,${stamp},${src},${dst},203.0.113.10,${dst},allow-out,,,ssl,vsys1,trust,untrust,ethernet1/2,ethernet1/1,log-forwarding-default,${stamp},${500000 + i},1,${sport},${dport},${sport},${dport},0x400064,tcp,${action},${bytes},${Math.floor(bytes / 3)},${bytes - Math.floor(bytes / 3)},${1 + Math.floor(rand() * 40)},${stamp},${Math.floor(rand() * 60)},any,0,${730000 + i},0x0,10.0.0.0-10.255.255.255,Japan,0,${Math.floor(rand() * 20)},${Math.floor(rand() * 20)},tcp-fin,0,0,0,0,,PA-VM,from-policy,,,0,,0,,N/A,0,0,0,0`;
  });
}

/** Zeek conn.log in TSV with its header block (Zeek docs, conn.log). */
export function generateZeekConn(file, records, seed = 13) {
  const rand = rng(seed);
  const header = [
    '#separator \\x09', '#set_separator\t,', '#empty_field\t(empty)', '#unset_field\t-', '#path\tconn', '#open\t2025-10-09-00-00-00',
    '#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\tconn_state\tlocal_orig\tlocal_resp\tmissed_bytes\thistory\torig_pkts\torig_ip_bytes\tresp_pkts\tresp_ip_bytes\ttunnel_parents',
    '#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring\tbool\tbool\tcount\tstring\tcount\tcount\tcount\tcount\tset[string]',
  ].join('\n') + '\n';
  let t = T0;
  return writeLines(file, records, () => {
    t += Math.floor(rand() * 40);
    const ob = Math.floor(rand() * 5000);
    const rb = Math.floor(rand() * 50000);
    return [(t / 1000).toFixed(6), `C${hex(rand, 17)}`, lan(rand), 1024 + Math.floor(rand() * 60000), ip(rand), pick(rand, [443, 80, 53, 445, 8080]),
      pick(rand, ['tcp', 'tcp', 'udp']), pick(rand, ['ssl', 'http', 'dns', '-']), (rand() * 30).toFixed(6), ob, rb, pick(rand, ['SF', 'S0', 'REJ', 'SHR']),
      'T', 'F', 0, 'ShADadfF', 1 + Math.floor(rand() * 40), ob + 400, 1 + Math.floor(rand() * 60), rb + 600, '-'].join('\t');
  }, header);
}

/** plaso l2tcsv (psort -o l2tcsv): 17 columns, MM/DD/YYYY date. */
export function generateL2tcsv(file, records, seed = 14) {
  const rand = rng(seed);
  const header = 'date,time,timezone,MACB,source,sourcetype,type,user,host,short,desc,version,filename,inode,notes,format,extra\n';
  let t = T0;
  return writeLines(file, records, (i) => {
    t += Math.floor(rand() * 1000);
    const d = new Date(t);
    const host = pick(rand, HOSTS);
    const path = `C:\\Users\\${pick(rand, USERS)}\\AppData\\Local\\Temp\\請求書_${i % 1000}.doc`;
    const msg = `File ${path} modified`;
    return [`${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`, `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
      'UTC', pick(rand, ['M...', '.A..', '..C.', '...B']), 'FILE', 'NTFS $MFT', 'Content Modification Time', '-', host, csv(msg), csv(msg), '2',
      csv(`TSK:${path}`), String(10000 + i), '-', 'fs/ntfs', csv(`file_reference: ${i}-1 is_allocated: True`)].join(',');
  }, header);
}

/** Sysmon network connections (Event ID 3) as flat JSONL, the OTRF/Mordor layout of the samples. */
export function generateSysmonJsonl(file, records, seed = 15) {
  const rand = rng(seed);
  let t = T0;
  return writeLines(file, records, () => {
    t += Math.floor(rand() * 40);
    const iso = new Date(t).toISOString();
    const utc = iso.replace('T', ' ').replace('Z', '');
    const host = pick(rand, HOSTS);
    const image = pick(rand, IMAGES);
    const src = lan(rand);
    const dst = ip(rand);
    const sport = String(1024 + Math.floor(rand() * 60000));
    const dport = String(pick(rand, [443, 80, 8080, 445]));
    const pg = `{${guid(rand)}}`;
    const pid = String(1000 + Math.floor(rand() * 9000));
    const user = `CONTOSO\\${pick(rand, USERS)}`;
    return JSON.stringify({
      Keywords: '0x8000000000000000', Task: '3', RuleName: '-', SourceIsIpv6: 'false', Protocol: 'tcp', DestinationIp: dst, SourceHostname: `${host}.contoso.local`,
      Initiated: 'true', SourcePort: sport, User: user, SourceName: 'Microsoft-Windows-Sysmon', ProcessGuid: pg, UtcTime: utc, SourcePortName: '-', SourceIp: src,
      DestinationPort: dport, ProcessId: pid, TimeCreated: iso, '@timestamp': iso, DestinationHostname: '-', Level: '4', Image: image, Hostname: host,
      DestinationPortName: dport === '443' ? 'https' : '-', Channel: 'Microsoft-Windows-Sysmon/Operational', DestinationIsIpv6: 'false', EventID: 3,
      ProviderGuid: '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}',
      Message: `Network connection detected:\r\nRuleName: -\r\nUtcTime: ${utc}\r\nProcessGuid: ${pg}\r\nProcessId: ${pid}\r\nImage: ${image}\r\nUser: ${user}\r\nProtocol: tcp\r\nInitiated: true\r\nSourceIp: ${src}\r\nSourcePort: ${sport}\r\nDestinationIp: ${dst}\r\nDestinationPort: ${dport}`,
    });
  });
}

/**
 * Defender for Endpoint DeviceNetworkEvents exported as CSV with every column of the
 * documented table schema (Microsoft Learn, "DeviceNetworkEvents table"), in its order.
 */
export const DEVICE_NETWORK_EVENTS_COLUMNS = [
  'Timestamp', 'DeviceId', 'DeviceName', 'ActionType', 'RemoteIP', 'RemotePort', 'RemoteUrl', 'LocalIP', 'LocalPort', 'Protocol',
  'LocalIPType', 'RemoteIPType', 'InitiatingProcessSHA1', 'InitiatingProcessSHA256', 'InitiatingProcessMD5', 'InitiatingProcessFileName',
  'InitiatingProcessFileSize', 'InitiatingProcessVersionInfoCompanyName', 'InitiatingProcessVersionInfoProductName',
  'InitiatingProcessVersionInfoProductVersion', 'InitiatingProcessVersionInfoInternalFileName', 'InitiatingProcessVersionInfoOriginalFileName',
  'InitiatingProcessVersionInfoFileDescription', 'InitiatingProcessId', 'InitiatingProcessCommandLine', 'InitiatingProcessCreationTime',
  'InitiatingProcessFolderPath', 'InitiatingProcessParentFileName', 'InitiatingProcessParentId', 'InitiatingProcessParentCreationTime',
  'InitiatingProcessAccountDomain', 'InitiatingProcessAccountName', 'InitiatingProcessAccountSid', 'InitiatingProcessAccountUpn',
  'InitiatingProcessAccountObjectId', 'InitiatingProcessIntegrityLevel', 'InitiatingProcessTokenElevation', 'ReportId', 'AppGuardContainerId',
  'AdditionalFields', 'InitiatingProcessSessionId', 'IsInitiatingProcessRemoteSession', 'InitiatingProcessRemoteSessionDeviceName',
  'InitiatingProcessRemoteSessionIP', 'InitiatingProcessUniqueId',
];

export function generateDefenderNetworkCsv(file, records, seed = 16) {
  const rand = rng(seed);
  const devices = HOSTS.map((h) => ({ name: `${h.toLowerCase()}.contoso.local`, id: hex(rand, 40) }));
  let t = T0;
  return writeLines(file, records, (i) => {
    t += Math.floor(rand() * 40);
    const dev = pick(rand, devices);
    const image = pick(rand, IMAGES);
    const fileName = image.slice(image.lastIndexOf('\\') + 1);
    const user = pick(rand, USERS);
    const created = new Date(t - 3600000).toISOString().replace('Z', '0000Z');
    const action = pick(rand, ['ConnectionSuccess', 'ConnectionSuccess', 'ConnectionFailed', 'InboundConnectionAccepted']);
    const port = pick(rand, [443, 80, 8080, 445]);
    const row = [
      new Date(t).toISOString().replace('Z', '0000Z'), dev.id, dev.name, action, ip(rand), port, port === 445 ? '' : `cdn${i % 500}.example-invoice.top`,
      lan(rand), 1024 + Math.floor(rand() * 60000), 'Tcp', 'Private', 'Public', hex(rand, 40), hex(rand, 64), hex(rand, 32), fileName,
      100000 + Math.floor(rand() * 900000), 'Microsoft Corporation', 'Microsoft® Windows® Operating System', '10.0.19041.1', fileName, fileName,
      'Windows host process', 1000 + Math.floor(rand() * 9000), `"${image}" -k netsvcs -p`, created, image.slice(0, image.lastIndexOf('\\')).toLowerCase(),
      'services.exe', 600 + Math.floor(rand() * 100), created, 'contoso', user, `S-1-5-21-1004336348-1177238915-682003330-${1000 + (i % 50)}`,
      `${user}@contoso.co.jp`, guid(rand), 'Medium', 'None', 10000 + (i % 60000), '', '{}', 1, 'False', '', '', 1000000 + i,
    ];
    return row.map((v) => csv(String(v))).join(',');
  }, `${DEVICE_NETWORK_EVENTS_COLUMNS.join(',')}\n`);
}
