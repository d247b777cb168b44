// `tracelight incident`: the proposed severity and its reasons on generated cases, phase and
// severity changes made by the examiner with a reason, recorded in the custody log (and in the
// evidence package's copy of it), tasks ticked with who and when, asset statuses, the standard
// as an organization's file, and refusals that name the problem.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileHashes } from '../helpers/hash';
import { zipTexts } from '../export/zip-text';
import { buildCases, cli, cliJson, PHISH_HOST } from './cases';

interface IncidentJson {
  phase: string;
  severity: string | null;
  proposed_severity: { level: string; reasons: string[] };
  history: { time: string; examiner: string; field: string; from: string | null; to: string; reason: string | null; proposed?: { level: string; reasons: string[] } | null }[];
  assets: { host: string | null; src_ip: string | null; user: string | null; status: string; origin: string }[];
  tasks: { id: string; phase: string; text: string; done: boolean; by: string | null; at: string | null }[];
  times: { opened: string; started: string | null; contained: string | null; closed: string | null };
}

const { dir, cases } = await buildCases(['scenario-a', 'scenario-b', 'phish']);
const A = cases['scenario-a'];

describe('proposed severity from the evidence', () => {
  it('scenario A: high, because of active C2 and two infected hosts', () => {
    const r = cliJson<IncidentJson>(['incident', A]);
    expect(r.phase).toBe('detection');
    expect(r.severity).toBeNull();
    expect(r.proposed_severity.level).toBe('high');
    expect(r.proposed_severity.reasons.join('\n')).toContain('198.51.100.23:8080');
    expect(r.proposed_severity.reasons.find((x) => x.startsWith('infected hosts: 2'))).toContain('wks-acct-07.acme.local');
    expect(r.assets.filter((a) => a.status === 'infected').map((a) => a.host)).toEqual(['wks-acct-07.acme.local', 'wks-sales-03.acme.local']);
    expect(r.assets.find((a) => a.host === 'wks-hr-11.acme.local')?.status).toBe('suspected');
  });

  it('scenario B: high with lateral movement among the reasons, in Japanese when asked', () => {
    const r = cliJson<IncidentJson>(['incident', cases['scenario-b'], '--lang', 'ja']);
    expect(r.proposed_severity.level).toBe('high');
    expect(r.proposed_severity.reasons.join('\n')).toMatch(/横展開: 1件 — PC-FIN-01\S* → PC-FIN-02/i);
    expect(r.tasks.find((t) => t.id === 'isolate-hosts')?.text).toBe('感染端末をネットワークから隔離する');
  });

  it('a phishing access only: low, naming who reached which URL', () => {
    const r = cliJson<IncidentJson>(['incident', cases.phish]);
    expect(r.proposed_severity.level).toBe('low');
    expect(r.proposed_severity.reasons[0]).toMatch(/^phishing or payload URL accessed: 1 — kobayashi\.rin http:\/\/secure-docs\.example\/share\/%E8%A6%8B/);
    expect(r.assets).toEqual([expect.objectContaining({ src_ip: PHISH_HOST, user: 'kobayashi.rin', status: 'suspected', origin: 'story' })]);
  });

  it("an organization's standard file changes the proposal; a broken one is refused naming the file", () => {
    const std = JSON.parse(readFileSync(path.join(__dirname, '../../../resources/incident/severity-standard.json'), 'utf8'));
    std.levels[0].when.push({ criterion: 'phishing_access', min: 1 });
    const file = path.join(dir, 'org-standard.json');
    writeFileSync(file, JSON.stringify(std));
    expect(cliJson<IncidentJson>(['incident', cases.phish, '--standard', file]).proposed_severity.level).toBe('critical');
    std.levels[0].when.push({ criterion: 'moon_phase' });
    writeFileSync(file, JSON.stringify(std));
    const bad = cli(['incident', cases.phish, '--standard', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/org-standard\.json: not a usable severity standard .*unknown criterion "moon_phase"/);
  });

  it('reading the incident changes nothing in the case file', () => {
    const before = fileHashes(A).sha256;
    cli(['incident', A, '--json']);
    expect(fileHashes(A).sha256).toBe(before);
  });
});

describe('phase and severity changes under custody', () => {
  it('records each change with examiner, reason, and the proposal the severity was set against', () => {
    const set = cli(['incident', A, '--phase', 'analysis', '--reason', 'トリアージ完了：真陽性', '--examiner', '山田 太郎']);
    expect(set.code, set.stderr).toBe(0);
    cli(['incident', A, '--severity', 'critical', '--reason', '経理部の端末が感染、取引先への影響の恐れ', '--examiner', '山田 太郎', '--task-done', 'isolate-hosts']);
    const r = cliJson<IncidentJson>(['incident', A, '--phase', 'containment', '--reason', 'hosts isolated', '--examiner', 'Jane Roe']);
    expect(r.phase).toBe('containment');
    expect(r.severity).toBe('critical');
    expect(r.history.map((h) => [h.field, h.from, h.to, h.examiner, h.reason])).toEqual([
      ['phase', 'detection', 'analysis', '山田 太郎', 'トリアージ完了：真陽性'],
      ['severity', null, 'critical', '山田 太郎', '経理部の端末が感染、取引先への影響の恐れ'],
      ['phase', 'analysis', 'containment', 'Jane Roe', 'hosts isolated'],
    ]);
    expect(r.history[1]!.proposed).toMatchObject({ level: 'high' });
    expect(r.times.contained).toBe(r.history[2]!.time);
    expect(r.times.closed).toBeNull();
    const task = r.tasks.find((t) => t.id === 'isolate-hosts')!;
    expect(task).toMatchObject({ done: true, by: '山田 太郎' });
    expect(Date.parse(task.at!)).toBeGreaterThan(0);

    const log = cliJson<{ entries: { action: string; examiner: string; details: Record<string, unknown> }[] }>(['custody', A]);
    const incident = log.entries.filter((e) => e.action.startsWith('incident.'));
    expect(incident.map((e) => e.action)).toEqual(['incident.phase.set', 'incident.severity.set', 'incident.task.set', 'incident.phase.set']);
    expect(incident[1]!.details).toMatchObject({ from: null, to: 'critical', reason: '経理部の端末が感染、取引先への影響の恐れ', proposed: { level: 'high' } });
    expect(cli(['custody', A]).code).toBe(0);
  });

  it('asset statuses are examiner actions too, and override the story', () => {
    const r = cliJson<IncidentJson>(['incident', A, '--asset', 'wks-acct-07.acme.local', '--status', 'contained', '--reason', 'EDRで隔離', '--examiner', '山田 太郎']);
    expect(r.assets.find((a) => a.host === 'wks-acct-07.acme.local')).toMatchObject({ status: 'contained', origin: 'examiner', user: 'acme\\yamada.taro' });
    expect(r.assets.filter((a) => a.host === 'wks-acct-07.acme.local')).toHaveLength(1);
  });

  it('the case report (PDF) has the incident section: phase, severity, history and affected assets', () => {
    const pdf = path.join(dir, 'a-report.pdf');
    const r = cli(['export', A, '--pdf', pdf, '--lang', 'ja', '--examiner', '山田 太郎']);
    expect(r.code, r.stderr).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('インシデント対応');
    expect(text).toMatch(/重大度（担当者の判断）\s+緊急/);
    expect(text).toContain('影響を受けた資産');
    expect(text).toMatch(/wks-acct-07\.acme\.local.*封じ込め済み/);
    expect(text).toMatch(/wks-sales-03\.acme\.local.*感染/);
    expect(text).toContain('トリアージ完了：真陽性');
  });

  it("the evidence package's custody log carries the phase and severity changes", () => {
    const pkg = path.join(dir, 'a-package.zip');
    const r = cli(['export', A, '--package', pkg, '--no-detection', '--examiner', '山田 太郎']);
    expect(r.code, r.stderr).toBe(0);
    return zipTexts(pkg).then((entries) => {
      const log = [...entries].find(([name]) => name.endsWith('custody-log.jsonl'))![1];
      const actions = log.trim().split('\n').map((l) => JSON.parse(l) as { action: string; details: string });
      const phases = actions.filter((e) => e.action === 'incident.phase.set').map((e) => JSON.parse(e.details).to);
      expect(phases).toEqual(['analysis', 'containment']);
      expect(actions.filter((e) => e.action === 'incident.severity.set').map((e) => JSON.parse(e.details).to)).toEqual(['critical']);
      expect(cli(['verify', pkg]).code).toBe(0);
    });
  });

  it('refuses an unknown phase, a change without a reason, and a task that does not exist', () => {
    const p = cli(['incident', A, '--phase', 'panic', '--reason', 'x']);
    expect(p.code).toBe(2);
    expect(p.stderr).toMatch(/unknown phase "panic"/);
    const noReason = cli(['incident', A, '--phase', 'recovery']);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toMatch(/a phase change needs a reason/);
    expect(cli(['incident', A, '--task-done', 'no-such-task']).stderr).toMatch(/no task "no-such-task"/);
    expect(cliJson<IncidentJson>(['incident', A]).phase).toBe('containment');
  });
});
