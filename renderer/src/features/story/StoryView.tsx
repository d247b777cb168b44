import './story.css';
import { AddIocButton } from './AddIocButton';
import { BeaconList } from './BeaconList';
import { ChainGraph } from './ChainGraph';
import { ChainTimeline } from './ChainTimeline';
import { FindingList } from './FindingList';
import { IncidentSummary } from './IncidentSummary';
import { IocFileList } from './IocFileList';
import { RuleProblems } from './RuleProblems';
import { useDetection } from './use-detection';
import { WebStory } from './WebStory';

interface Props {
  readOnly: boolean;
  selectedId: number | null;
  onSelect(eventId: number): void;
  /** A run or a review added custody entries. */
  onRecorded(): void;
}

/** The incident tab: what happened (summary), how (chain graph and timelines), and why (findings). */
export function StoryView({ readOnly, selectedId, onSelect, onRecorded }: Props) {
  const d = useDetection(onRecorded);
  const result = d.result;
  return (
    <section className="view-panel story" data-testid="story" aria-label="Incident">
      <div className="story-toolbar">
        <button type="button" className="primary" onClick={d.run} disabled={d.running} data-testid="run-detection">
          {d.running ? 'Running detection…' : 'Run detection'}
        </button>
        <AddIocButton disabled={d.running} onFiles={d.addIocFiles} onPaths={d.addIocPaths} />
        {result && (
          <span className="muted" data-testid="detection-stats">
            {result.findings.length} findings from {result.rules.loaded} rules in {result.elapsed_s.toFixed(1)} s · times in UTC
          </span>
        )}
      </div>
      {readOnly && <p className="muted">This case is read-only: detection runs, but runs, IOC files and reviews are not recorded.</p>}
      {d.error && (
        <p className="error-text" role="alert" data-testid="detection-error">
          {d.error}
        </p>
      )}
      <details className="ioc-panel">
        <summary>IOC files</summary>
        <IocFileList refresh={d.generation} />
      </details>
      {!result && !d.running && (
        <p className="muted" data-testid="story-empty">
          Run detection to find patient zero, the infected hosts, payloads, C2 and spread in this case’s events.
        </p>
      )}
      {result && (
        <>
          <RuleProblems problems={result.rules.problems} />
          <IncidentSummary incident={result.incident} selectedId={selectedId} onSelect={onSelect} />
          {result.incident.infected.length > 0 && (
            <>
              <h2 className="story-heading">Infection chain</h2>
              <ChainGraph incident={result.incident} selectedId={selectedId} onSelect={onSelect} />
              {result.incident.infected.map((h) => (
                <ChainTimeline key={h.host} host={h} selectedId={selectedId} onSelect={onSelect} />
              ))}
            </>
          )}
          <WebStory web={result.incident.web} selectedId={selectedId} onSelect={onSelect} />
          <BeaconList beacons={result.beacons} selectedId={selectedId} onSelect={onSelect} />
          <h2 className="story-heading">Findings ({result.findings.length})</h2>
          <FindingList findings={result.findings} readOnly={readOnly} busy={d.running} selectedId={selectedId} onSelect={onSelect} onReview={d.review} />
        </>
      )}
    </section>
  );
}
