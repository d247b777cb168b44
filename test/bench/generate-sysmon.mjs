// Sysmon through Winlogbeat (JSON lines, UTC) for the Emotet generator's EDR variant: process
// starts (1), network connections (3) and file creations (11), as Winlogbeat 8 writes them.
export class SysmonLog {
  rows = [];
  record = 70000;
  seq = 0x100;

  constructor(r) {
    this.r = r;
  }

  event(h, t, id, data) {
    const d = new Date(t).toISOString();
    this.rows.push([
      t,
      JSON.stringify({
        '@timestamp': d,
        agent: { type: 'winlogbeat', version: '8.15.0' },
        event: { code: String(id), kind: 'event', provider: 'Microsoft-Windows-Sysmon' },
        host: { name: h.name },
        winlog: {
          api: 'wineventlog',
          channel: 'Microsoft-Windows-Sysmon/Operational',
          computer_name: h.name,
          event_id: String(id),
          provider_name: 'Microsoft-Windows-Sysmon',
          record_id: String(++this.record),
          event_data: { RuleName: '-', UtcTime: d.replace('T', ' ').replace('Z', ''), ...data },
        },
      }),
    ]);
  }

  /** A process start; returns the process (with its GUID) for children and connections. */
  start(h, t, p, parent) {
    const guid = `{5e1f0c2a-${(0x6a00 + this.seq).toString(16)}-6a01-${(this.seq++).toString(16).padStart(4, '0')}-000000002c00}`;
    this.event(h, t, 1, {
      ProcessGuid: guid, ProcessId: String(p.pid), Image: p.image, CommandLine: p.cmd, CurrentDirectory: `${h.home}\\`, User: h.user,
      IntegrityLevel: 'Medium', ParentProcessGuid: parent.guid, ParentProcessId: String(parent.pid), ParentImage: parent.image, ParentCommandLine: parent.cmd,
    });
    return { ...p, guid };
  }

  conn(h, t, p, dst, port) {
    this.event(h, t, 3, {
      ProcessGuid: p.guid, ProcessId: String(p.pid), Image: p.image, User: h.user, Protocol: 'tcp', Initiated: 'true', SourceIsIpv6: 'false',
      SourceIp: h.ip, SourceHostname: h.name, SourcePort: String(49152 + Math.floor(this.r() * 15000)), DestinationIsIpv6: 'false', DestinationIp: dst, DestinationHostname: '-', DestinationPort: String(port),
    });
  }

  created(h, t, p, file) {
    this.event(h, t, 11, { ProcessGuid: p.guid, ProcessId: String(p.pid), Image: p.image, TargetFilename: file, CreationUtcTime: new Date(t).toISOString().replace('T', ' ').replace('Z', ''), User: h.user });
  }

  lines() {
    return this.rows.sort((a, b) => a[0] - b[0]).map((x) => x[1]);
  }
}

export const explorer = (h) => ({ guid: `{0b5e0000-0000-0000-0000-${h.ip.split('.').map((x) => x.padStart(3, '0')).join('')}}`, pid: 4012, image: 'C:\\Windows\\explorer.exe', cmd: 'C:\\Windows\\Explorer.EXE' });
export const EXCEL = 'C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE';
export const EDGE = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
