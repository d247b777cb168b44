import { MAPPING_TARGETS, type ColumnMapping, type MappingProposal, type MappingTarget } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';
import { setTarget } from './mapping-edit';

interface Props {
  proposal: MappingProposal;
  mapping: ColumnMapping;
  onMapping(mapping: ColumnMapping): void;
}

const TARGET_LABELS: Partial<Record<MappingTarget, string>> = {
  time: 'time (timestamp)',
  date: 'date (+ clock column)',
  clock: 'clock (time of day)',
  extra: 'keep in extra',
  ignore: 'ignore',
};

/** The file's first rows under a header of one target select per column, with the guess's confidence. */
export function MappingTable({ proposal, mapping, onMapping }: Props) {
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
                aria-label={`target of ${source}`}
                value={targetOf(source)}
                onChange={(e) => onMapping(setTarget(mapping, source, e.currentTarget.value as MappingTarget))}
                data-testid="mapping-target"
              >
                {MAPPING_TARGETS.map((t) => (
                  <option key={t} value={t}>
                    {TARGET_LABELS[t] ?? t}
                  </option>
                ))}
              </select>
              {guess(source) && guess(source)!.confidence > 0 && (
                <span className="badge mapping-confidence" title={guess(source)!.reason}>
                  proposed {guess(source)!.target} {Math.round(guess(source)!.confidence * 100)}%
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
