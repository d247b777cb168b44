// The web story as a sheet: the attackers, their successes in time order, and each web shell
// followed by the commands sent to it (URL-decoded by detection). One table, a "row" column
// saying what each row is, so it sorts and filters like the other sheets. Request targets,
// paths and commands are written exactly as detection reports them from the log, as inline
// strings (no formula is ever written: "=cmd|..." stays text). Written only when detection
// found a web attack.
import { reportText } from '../i18n/coded';
import type { WebIncident } from '../../../common/detect';
import { webMessages } from '../i18n/web';
import type { ReportLanguage } from '../types';
import type { XlsxPackage } from './xlsx-package';

export async function writeWebSheet(wb: XlsxPackage, language: ReportLanguage, web: WebIncident | undefined): Promise<void> {
  if (!web || web.attackers.length === 0) return;
  const w = webMessages(language);
  const c = w.col;
  const s = w.sheet;
  const technique = (t: string) => w.technique[t] ?? t;
  const sheet = wb.addSheet(s.name, [
    { header: s.row, width: 12 },
    { header: s.first, width: 24, kind: 'date' },
    { header: s.last, width: 24, kind: 'date' },
    { header: c.ip, width: 18 },
    { header: c.techniques, width: 28 },
    { header: `${c.url} / ${c.path}`, width: 60, kind: 'wrap' },
    { header: c.status, width: 10, kind: 'number' },
    { header: c.bytes, width: 12, kind: 'number' },
    { header: c.requests, width: 12, kind: 'number' },
    { header: c.successes, width: 10, kind: 'number' },
    { header: s.detail, width: 70, kind: 'wrap' },
    { header: s.events, width: 24 },
  ]);
  for (const a of web.attackers) {
    await sheet.add([s.attacker, a.first, a.last, a.ip, a.techniques.map(technique).join(', '), null, null, null, a.requests, a.successes, a.tools?.join(', ') ?? null, null]);
  }
  for (const x of web.successes) {
    await sheet.add([s.success, x.time, null, x.ip, technique(x.technique), x.url, x.status, x.bytes, null, null, x.reason ? reportText(language, x.reason_code, x.reason) : null, String(x.event_id)]);
  }
  for (const sh of web.webshells) {
    await sheet.add([s.shell, sh.first_seen, null, sh.ips.join(', '), technique('webshell'), sh.path, null, null, null, null, null, (sh.event_ids ?? []).join(', ')]);
    for (const cmd of sh.commands) await sheet.add([s.command, null, null, null, null, sh.path, null, null, null, null, cmd, null]);
  }
  await sheet.commit();
}
