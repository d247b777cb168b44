import type { CaseIncidentSummary } from '../../../../electron/common/incident';
import { useEngineCall } from '../../client/use-engine-call';
import type { CaseListEntry } from '../../contracts';
import { useT } from '../../i18n';
import './incident.css';
import './strings';

/** Phase and severity per case path (read from each case, for inspection only). */
export function useCaseIncidents(cases: CaseListEntry[] | undefined): Map<string, CaseIncidentSummary> {
  const { value } = useEngineCall('incident.cases', cases ? {} : null, cases?.map((c) => `${c.path}@${c.modified}`).join('|'));
  return new Map((value ?? []).map((s) => [s.path, s]));
}

export function CaseIncidentHeaders() {
  const t = useT();
  return (
    <>
      <th>{t('incident.phase')}</th>
      <th>{t('incident.severity')}</th>
    </>
  );
}

export function CaseIncidentCells({ summary }: { summary: CaseIncidentSummary | undefined }) {
  const t = useT();
  return (
    <>
      <td data-testid="case-phase" data-phase={summary?.phase ?? ''}>
        {summary?.phase ? t(`incident.phase.${summary.phase}`) : ''}
      </td>
      <td data-testid="case-severity" data-severity={summary?.severity ?? ''}>
        {summary?.severity ? <span className={`severity severity-${summary.severity}`}>{t(`incident.severity.${summary.severity}`)}</span> : summary ? t('incident.notSet') : ''}
      </td>
    </>
  );
}
