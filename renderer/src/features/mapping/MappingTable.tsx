import { MAPPING_TARGETS, type ColumnMapping, type MappingProposal, type MappingTarget } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';
import { setTarget } from './mapping-edit';
import { useT } from '../../i18n';
import { useEngineText } from '../engine-text/use-engine-text';
import './strings';

interface Props {
  proposal: MappingProposal;
  mapping: ColumnMapping;
  onMapping(mapping: ColumnMapping): void;
}

// Targets that need a word of explanation; the others are schema column names, shown as is.
const EXPLAINED = new Set<MappingTarget>(['time', 'date', 'clock', 'extra', 'ignore']);

/** The file's first rows under a header of one target select per column, with the guess's confidence. */
export function MappingTable({ proposal, mapping, onMapping }: Props) {
  const t = useT();
  const say = useEngineText();
  const targetOf = (source: string): MappingTarget => mapping.columns.find((c) => c.source === source)?.target ?? 'extra';
  const guess = (source: string) => proposal.columns.find((c) => c.source === source);
  return (
    <table className="data-table mapping-table" data-testid="mapping-table">
      <thead>
        <tr>
          {proposal.sources.map((source) => (
            <th key={source} data-testid="mapping-column" data-source={source}>
              <div className="mapping-source">{displayValue(source)}</div>
              <select
                aria-label={t('mapping.targetOf', { source })}
                value={targetOf(source)}
                onChange={(e) => onMapping(setTarget(mapping, source, e.currentTarget.value as MappingTarget))}
                data-testid="mapping-target"
              >
                {MAPPING_TARGETS.map((target) => (
                  <option key={target} value={target}>
                    {EXPLAINED.has(target) ? t(`mapping.target.${target}`) : target}
                  </option>
                ))}
              </select>
              {guess(source) && guess(source)!.confidence > 0 && (
                <span className="badge mapping-confidence" title={say(guess(source)!.reason_code, guess(source)!.reason)}>
                  {t('mapping.proposedTarget', { target: guess(source)!.target, pct: Math.round(guess(source)!.confidence * 100) })}
                </span>
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {proposal.rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) => (
              <td key={j}>{displayValue(cell)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
