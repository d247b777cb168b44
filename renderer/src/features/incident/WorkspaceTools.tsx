import { useState } from 'react';
import type { HuntHit, MonthlyReport, MonthlyReportFile } from '../../../../electron/common/incident';
import { useClient } from '../../client/connection-context';
import { errorMessage } from '../../client/engine-error';
import { useLang, useT } from '../../i18n';
import { displayValue } from '../../lib/reveal-invisibles';
import './incident.css';
import './strings';

/** Rows shown at once; the command line (`tracelight hunt --json`) lists every match. */
const HUNT_ROWS = 500;

function lastMonth(): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

function downloadUrl(f: MonthlyReportFile): string {
  const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
  const type = f.kind === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return URL.createObjectURL(new Blob([bytes], { type }));
}

/** The monthly report over the workspace's cases, with its PDF and XLSX to download. */
export function MonthlyReportPanel() {
  const t = useT();
  const { lang } = useLang();
  const client = useClient();
  const [month, setMonth] = useState(lastMonth);
  const [reportLang, setReportLang] = useState<'en' | 'ja'>(lang);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ report: MonthlyReport; files: { name: string; url: string }[] } | null>(null);
  const run = () => {
    setBusy(true);
    setError(null);
    client.call('incident.monthly', { month, lang: reportLang, files: ['pdf', 'xlsx'] }).then(
      (r) => {
        setResult({ report: r.report, files: r.files.map((f) => ({ name: f.name, url: downloadUrl(f) })) });
        setBusy(false);
      },
      (e: unknown) => {
        setError(errorMessage(e));
        setBusy(false);
      },
    );
  };
  const hours = (h: number | null) => (h === null ? t('incident.monthly.none') : `${h.toFixed(1)} h`);
  const r = result?.report;
  return (
    <section className="card" aria-labelledby="monthly-title" data-testid="monthly-report">
      <h2 id="monthly-title">{t('incident.monthly.title')}</h2>
      <div className="form-row">
        <label>
          {t('incident.monthly.month')} <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} data-testid="monthly-month" />
        </label>
        <label>
          {t('incident.monthly.language')}{' '}
          <select value={reportLang} onChange={(e) => setReportLang(e.target.value === 'ja' ? 'ja' : 'en')} data-testid="monthly-lang">
            <option value="en">{t('common.english')}</option>
            <option value="ja">{t('common.japanese')}</option>
          </select>
        </label>
        <button type="button" onClick={run} disabled={busy || !month} data-testid="monthly-run">
          {busy ? t('incident.monthly.running') : t('incident.monthly.run')}
        </button>
      </div>
      {error && <p className="error-text" role="alert">{error}</p>}
      {r && (
        <div data-testid="monthly-result" data-cases={r.totals.cases}>
          <p>{t('incident.monthly.summary', { cases: r.totals.cases, hosts: r.totals.infected_hosts, access: r.totals.phishing_access })}</p>
          <p>{t('incident.monthly.contain', { mean: hours(r.totals.time_to_contain.mean_hours), worst: hours(r.totals.time_to_contain.worst_hours) })}</p>
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('incident.monthly.case')}</th>
                <th>{t('incident.monthly.type')}</th>
                <th>{t('incident.severity')}</th>
                <th>{t('incident.phase')}</th>
              </tr>
            </thead>
            <tbody>
              {r.cases.map((c) => (
                <tr key={c.case} data-testid="monthly-case">
                  <td>{displayValue(c.name)}</td>
                  <td>{t(`incident.type.${c.type}`)}</td>
                  <td>{c.severity ? t(`incident.severity.${c.severity}`) : t('incident.notSet')}</td>
                  <td>{t(`incident.phase.${c.phase}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {result.files.map((f) => (
              <a key={f.name} href={f.url} download={f.name} className="button-link" data-testid="monthly-download" style={{ marginRight: 12 }}>
                {t('incident.monthly.download', { name: f.name })}
              </a>
            ))}
          </p>
        </div>
      )}
    </section>
  );
}

/** Pasted indicators searched in every case of the workspace, read-only. */
export function RetroHuntPanel() {
  const t = useT();
  const client = useClient();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ hits: HuntHit[]; cases: string[] } | null>(null);
  const run = () => {
    setBusy(true);
    setError(null);
    client.call('incident.hunt', { indicators: text }).then(
      (r) => {
        setResult(r);
        setBusy(false);
      },
      (e: unknown) => {
        setError(errorMessage(e));
        setBusy(false);
      },
    );
  };
  const name = (p: string) => p.split(/[\\/]/).pop()!.replace(/\.tlcase$/i, '');
  return (
    <section className="card" aria-labelledby="hunt-title" data-testid="retro-hunt">
      <h2 id="hunt-title">{t('incident.hunt.title')}</h2>
      <p className="muted">{t('incident.hunt.help')}</p>
      <textarea value={text} onChange={(e) => setText(e.target.value)} data-testid="hunt-input" spellCheck={false} />
      <div className="form-row">
        <button type="button" onClick={run} disabled={busy || !text.trim()} data-testid="hunt-run">
          {busy ? t('incident.hunt.running') : t('incident.hunt.run')}
        </button>
      </div>
      {error && <p className="error-text" role="alert">{error}</p>}
      {result && (
        <div data-testid="hunt-result" data-hits={result.hits.length}>
          <p>{t('incident.hunt.result', { hits: result.hits.length, cases: result.cases.length })}</p>
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('incident.hunt.time')}</th>
                <th>{t('incident.monthly.case')}</th>
                <th>{t('incident.hunt.who')}</th>
                <th>{t('incident.hunt.indicator')}</th>
              </tr>
            </thead>
            <tbody>
              {result.hits.slice(0, HUNT_ROWS).map((h) => (
                <tr key={`${h.case}:${h.event_id}:${h.indicator}`} data-testid="hunt-hit">
                  <td className="mono">{h.time}</td>
                  <td>{displayValue(name(h.case))}</td>
                  <td className="mono">{displayValue(`${h.host ?? h.src_ip ?? ''}${h.user ? ` (${h.user})` : ''}`)}</td>
                  <td className="mono">{displayValue(h.indicator)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.hits.length > HUNT_ROWS && <p className="muted">{t('incident.hunt.more', { shown: HUNT_ROWS, total: result.hits.length })}</p>}
        </div>
      )}
    </section>
  );
}

export function WorkspaceTools() {
  return (
    <div className="workspace-tools">
      <MonthlyReportPanel />
      <RetroHuntPanel />
    </div>
  );
}
