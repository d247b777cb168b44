import { useEffect, useState } from 'react';
import { useClient } from '../../client/connection-context';
import { errorMessage } from '../../client/engine-error';
import { useEngineCall } from '../../client/use-engine-call';
import { useModalDialog } from '../../components/use-modal-dialog';
import type { ColumnMapping, MappingProposal } from '../../contracts';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { displayValue } from '../../lib/reveal-invisibles';
import { mappingProblem } from './mapping-edit';
import { MappingOptions } from './MappingOptions';
import { MappingPreview } from './MappingPreview';
import { MappingTable } from './MappingTable';
import type { UnmappedFile } from './use-unmapped-files';
import { useT, type Translate } from '../../i18n';
import { useEngineText } from '../engine-text/use-engine-text';
import './strings';
import '../../components/strings';

interface Props {
  file: UnmappedFile;
  caseTimezone: string;
  onClose(): void;
  onIngested(): void;
}

function layoutSummary(t: Translate, p: MappingProposal): string {
  const csv = p.mapping.csv;
  const delimiter = csv?.delimiter === '\t' ? t('mapping.layout.tab') : csv?.delimiter === ',' ? t('mapping.layout.comma') : t('mapping.layout.other', { delimiter: csv?.delimiter ?? '' });
  const kind = csv
    ? t(csv.skipRecords ? 'mapping.layout.csvSkipped' : 'mapping.layout.csv', { delimiter, header: t(csv.header ? 'mapping.layout.header' : 'mapping.layout.noHeader'), count: csv.skipRecords })
    : p.mapping.format === 'generic-jsonl'
      ? t('mapping.layout.jsonl')
      : p.mapping.json?.arrayKey
        ? t('mapping.layout.jsonKey', { key: p.mapping.json.arrayKey })
        : t('mapping.layout.json');
  return t('mapping.layout.encoding', { kind, encoding: p.encoding });
}

/**
 * The column mapping for one file no format recognized: the proposal (timestamp column and
 * layout, a target per column with its confidence), the examiner's corrections, a preview
 * of how the first rows read, an optional name to save it under, then the ingest.
 */
export function MappingDialog({ file, caseTimezone, onClose, onIngested }: Props) {
  const client = useClient();
  const t = useT();
  const say = useEngineText();
  const dialog = useModalDialog();
  const { value: proposal, error: proposeError } = useEngineCall('import.propose', { path: file.path, originalName: file.name });
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [zone, setZone] = useState(caseTimezone);
  const [saveName, setSaveName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The first proposal seeds the editable state; a mapping saved for this layout wins.
  useEffect(() => {
    if (!proposal || mapping) return;
    const start = proposal.saved?.mapping ?? proposal.mapping;
    setMapping(start);
    if (start.timezone) setZone(start.timezone);
    if (proposal.saved) setSaveName(proposal.saved.name);
  }, [proposal, mapping]);

  const candidate = mapping ? { ...mapping, timezone: zone.trim() || undefined } : null;
  const problem = mapping ? mappingProblem(mapping) : null;
  const previewArgs = useDebouncedValue(candidate && !problem ? JSON.stringify(candidate) : null, 250);
  const preview = useEngineCall(
    'import.preview',
    previewArgs === null ? null : { path: file.path, mapping: JSON.parse(previewArgs) as ColumnMapping },
  );

  const ingest = async () => {
    if (!candidate) return;
    setBusy(true);
    setError(null);
    try {
      if (saveName.trim()) await client.call('import.saveMapping', { name: saveName.trim(), mapping: candidate });
      const [result] = await client.call('ingest.files', {
        jobId: crypto.randomUUID(),
        files: [{ path: file.path, originalName: file.name, mapping: candidate, ...(zone.trim() ? { timezone: zone.trim() } : {}) }],
      });
      if (result && !result.ok) setError(result.error ? say(result.error_code, result.error) : t('mapping.ingestFailed'));
      else {
        dialog.current?.close();
        onIngested();
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="modal-dialog mapping-dialog" data-testid="mapping-dialog" onClose={onClose}>
      <header className="dialog-header">
        <h2>
          {t('mapping.heading')} <span className="name">{displayValue(file.name)}</span>
        </h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('common.cancel')}
        </button>
      </header>
      <p className="muted">
        {t('mapping.help')}
        {proposal && <> {t('mapping.readAs', { layout: layoutSummary(t, proposal) })}</>}
      </p>
      {(proposeError || error) && (
        <p className="error-text" role="alert" data-testid="mapping-error">
          {proposeError ?? error}
        </p>
      )}
      {proposal?.warnings.map((w, i) => (
        <p key={w} className="mapping-warning" data-testid="mapping-warning">
          {displayValue(say(proposal.warning_codes?.[i], w))}
        </p>
      ))}
      {proposal && mapping && (
        <>
          <MappingOptions
            proposal={proposal}
            mapping={mapping}
            zone={zone}
            onMapping={setMapping}
            onZone={setZone}
            onSaveName={setSaveName}
          />
          <div className="table-scroll dialog-body">
            <MappingTable proposal={proposal} mapping={mapping} onMapping={setMapping} />
          </div>
          <MappingPreview rows={preview.value ?? []} error={preview.error} stale={preview.loading || previewArgs !== (candidate && !problem ? JSON.stringify(candidate) : null)} />
        </>
      )}
      <footer className="dialog-footer">
        <span className="muted" data-testid="mapping-problem">{problem ? t(problem) : ''}</span>
        <label className="mapping-save">
          {t('mapping.saveAs')}{' '}
          <input
            type="text"
            value={saveName}
            maxLength={100}
            placeholder={t('mapping.namePlaceholder')}
            onChange={(e) => setSaveName(e.currentTarget.value)}
            data-testid="mapping-save-name"
          />
        </label>
        <button type="button" className="primary" disabled={!mapping || problem !== null || busy} onClick={() => void ingest()} data-testid="mapping-ingest">
          {busy ? t('mapping.ingesting') : t('mapping.ingest')}
        </button>
      </footer>
    </dialog>
  );
}
