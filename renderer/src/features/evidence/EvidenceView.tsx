import type { ReactNode } from 'react';
import { EvidencePanel } from './EvidencePanel';
import './strings';

interface Props {
  version: number;
  readOnly: boolean;
  onChanged(): void;
  /** What the next files added carry: acquisition record and read options (absent when read-only). */
  intake?: ReactNode;
  /** False while another view is shown: the view stays mounted, so its dialogs and results survive a switch. */
  shown: boolean;
}

/** The case's evidence as a view of its own: the registry with digests, and how the next files are taken in. */
export function EvidenceView({ version, readOnly, onChanged, intake, shown }: Props) {
  return (
    <div className="evidence-view" hidden={!shown} data-testid="evidence-view">
      {intake && <div className="intake-bar">{intake}</div>}
      <EvidencePanel version={version} readOnly={readOnly} onChanged={onChanged} />
    </div>
  );
}
