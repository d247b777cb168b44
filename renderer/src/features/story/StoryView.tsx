import './story.css';
import { AddIocButton } from './AddIocButton';
import { BeaconList } from './BeaconList';
import { ChainGraph } from './ChainGraph';
import { ChainTimeline } from './ChainTimeline';
import { chainWindowStore } from './chain-window';
import { ChainWindowControl } from './ChainWindowControl';
import { FindingList } from './FindingList';
import { IncidentSummary } from './IncidentSummary';
import { IocFileList } from './IocFileList';
import { RuleProblems } from './RuleProblems';
import { useDetection } from './use-detection';
import { useT } from '../../i18n';
import './strings';
import { WebStory } from './WebStory';

interface Props {
  /** The open case's id: the chain window is remembered per case. */
  caseId?: string;
  readOnly: boolean;
  selectedId: number | null;
  onSelect(eventId: number): void;
  /** A run or a review added custody entries. */
  onRecorded(): void;
  /** A chain box was opened: show its event in the timeline grid. */
  onOpenInGrid?(eventId: number, time: string): void;
}

/** The incident tab: what happened (summary), how (chain graph and timelines), and why (findings). */
export function StoryView({ caseId, readOnly, selectedId, onSelect, onRecorded, onOpenInGrid }: Props) {
  const t = useT();
  const [chainWindow, setChainWindow] = chainWindowStore(caseId ?? '').use();
  const d = useDetection(onRecorded, chainWindow);
  const result = d.result;
  return (
    <section className="view-panel story" data-testid="story" aria-label={t('story.title')}>
      <div className="story-toolbar">
        <button type="button" className="primary" onClick={d.run} disabled={d.running} data-testid="run-detection">
          {d.running ? t('story.running') : t('story.run')}
        </button>
        <AddIocButton disabled={d.running} onFiles={d.addIocFiles} onPaths={d.addIocPaths} />
        <ChainWindowControl key={caseId} hours={chainWindow} onHours={setChainWindow} disabled={d.running} />
        {result && (
          <span className="muted" data-testid="detection-stats">
            {t('story.stats', { findings: result.findings.length, rules: result.rules.loaded, seconds: result.elapsed_s.toFixed(1) })}
          </span>
        )}
      </div>
      {readOnly && <p className="muted">{t('story.readOnly')}</p>}
      {d.error && (
        <p className="error-text" role="alert" data-testid="detection-error">
          {d.error}
        </p>
      )}
      <details className="ioc-panel">
        <summary>{t('story.iocFiles')}</summary>
        <IocFileList refresh={d.generation} />
      </details>
      {!result && !d.running && (
        <p className="muted" data-testid="story-empty">
          {t('story.empty')}
        </p>
      )}
      {result && (
        <>
          <RuleProblems problems={result.rules.problems} />
          <IncidentSummary incident={result.incident} selectedId={selectedId} onSelect={onSelect} />
          {result.incident.infected.length > 0 && (
            <>
              <h2 className="story-heading">{t('story.chain')}</h2>
              <ChainGraph incident={result.incident} selectedId={selectedId} onSelect={onSelect} onOpenInGrid={onOpenInGrid} />
              {result.incident.infected.map((h) => (
                <ChainTimeline key={h.host} host={h} selectedId={selectedId} onSelect={onSelect} />
              ))}
            </>
          )}
          <WebStory web={result.incident.web} selectedId={selectedId} onSelect={onSelect} />
          <BeaconList beacons={result.beacons} selectedId={selectedId} onSelect={onSelect} />
          <h2 className="story-heading">{t('story.findings', { count: result.findings.length })}</h2>
          <FindingList findings={result.findings} readOnly={readOnly} busy={d.running} selectedId={selectedId} onSelect={onSelect} onReview={d.review} />
        </>
      )}
    </section>
  );
}
