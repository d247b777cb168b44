// "10.20.30.47, resolved to wks-acct-07 from edr.csv (defender-hunting-csv)": a host name the
// story inferred from an address, shown so that nobody reads it as what the log said.
import type { Incident } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';
import { useT } from '../../i18n';
import './resolved-strings';

type Resolution = NonNullable<NonNullable<Incident['patient_zero']>['resolved']>;

export function ResolvedNote({ resolved }: { resolved: Resolution }) {
  const t = useT();
  const values = { ip: displayValue(resolved.ip), host: displayValue(resolved.host), evidence: resolved.evidence.map((e) => displayValue(e)).join(', ') };
  return (
    <div className="muted wrap" data-testid="resolved-note" title={resolved.first_seen ? t('story.resolvedSpan', { first: resolved.first_seen, last: resolved.last_seen ?? resolved.first_seen }) : undefined}>
      {t(resolved.evidence.length ? 'story.resolvedFrom' : 'story.resolvedTo', values)}
    </div>
  );
}
