import { useState } from 'react';
import { useClient } from '../../client/connection-context';
import { desktopBridge } from '../../client/desktop-bridge';
import { CopyButton } from '../../components/CopyButton';
import { useModalDialog } from '../../components/use-modal-dialog';
import type { PackageExportArgs, PackageExportResult } from '../../contracts';
import { formatBytes } from '../../lib/format-bytes';
import { useActionResult } from '../../lib/use-action-result';
import { displayValue } from '../../lib/reveal-invisibles';
import '../../styles/export.css';

interface Props {
  caseName: string;
  readOnly: boolean;
  onClose(): void;
  onExported(): void;
}

/** A download name for the package: the case name, safe on every file system. */
export function packageFileName(caseName: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = caseName.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').trim() || 'case';
  return `${safe}-evidence-package.zip`;
}

/**
 * The evidence package for the legal team: the originals (re-checked against their ingest
 * hashes), the report and workbook, the custody log, the case, manifests and SHA256SUMS.
 */
export function PackageDialog({ caseName, readOnly, onClose, onExported }: Props) {
  const client = useClient();
  const dialog = useModalDialog();
  const [language, setLanguage] = useState<PackageExportArgs['language']>('en');
  const [detection, setDetection] = useState<PackageExportArgs['detection']>('last');
  const [includeOriginals, setIncludeOriginals] = useState(true);
  const { busy, error, result, run: runAction } = useActionResult<PackageExportResult>();

  const run = () =>
    runAction(async () => {
      const bridge = desktopBridge();
      let target: string | undefined;
      if (bridge) {
        const chosen = await bridge.saveFile(packageFileName(caseName));
        if (!chosen) return undefined; // cancelled: nothing is written
        target = chosen;
      }
      // The native dialog already asked before replacing an existing file.
      const done = await client.call('package.export', { language, detection, includeOriginals, path: target, overwrite: target !== undefined });
      onExported();
      return done;
    });

  return (
    <dialog ref={dialog} className="modal-dialog export-dialog" data-testid="package-dialog" onClose={onClose}>
      <header className="dialog-header">
        <h2>Evidence package</h2>
        <button type="button" onClick={() => dialog.current?.close()} aria-label="Close">
          Close
        </button>
      </header>
      <div className="dialog-body export-form">
        <p className="muted">
          One ZIP a legal team verifies with standard tools (sha256sum -c SHA256SUMS, BagIt): originals, report, workbook, custody log,
          case database, manifest and CASE/UCO provenance. Originals that no longer match their ingest hashes stop the export.
        </p>
        <label>
          Report language{' '}
          <select value={language} onChange={(e) => setLanguage(e.target.value === 'ja' ? 'ja' : 'en')} data-testid="package-language">
            <option value="en">English</option>
            <option value="ja">日本語</option>
          </select>
        </label>
        <label>
          Findings in the report{' '}
          <select value={detection} onChange={(e) => setDetection(e.target.value as PackageExportArgs['detection'])} data-testid="package-detection">
            <option value="last">Last detection run (runs detection if none)</option>
            <option value="run">Run detection now</option>
            <option value="none">None</option>
          </select>
        </label>
        <label>
          <input type="checkbox" checked={includeOriginals} onChange={() => setIncludeOriginals((v) => !v)} data-testid="package-originals" /> Include
          the evidence originals
        </label>
        {readOnly && <p className="muted">This case is read-only: the package is written but the custody log will not record it.</p>}
        {error && (
          <p className="error-text" role="alert" data-testid="package-error">
            {error}
          </p>
        )}
        {result && (
          <div className="export-results" data-testid="package-result">
            {result.notRecordedReason && <p className="muted">Not recorded in the custody log ({displayValue(result.notRecordedReason)}).</p>}
            <p>
              {result.download ? (
                <a href={result.download.replace(/^\//, '')} download={result.name} data-testid="package-download">
                  {displayValue(result.name)}
                </a>
              ) : (
                <span className="mono">{displayValue(result.path)}</span>
              )}{' '}
              — {result.files} files, {formatBytes(result.bytes)}
            </p>
            <p>
              SHA-256 <span className="mono" data-testid="package-sha256">{result.sha256}</span> <CopyButton text={result.sha256} label="SHA-256" />
            </p>
          </div>
        )}
      </div>
      <footer className="dialog-footer">
        <button type="button" onClick={run} disabled={busy} data-testid="package-run">
          {busy ? 'Packaging…' : 'Write package'}
        </button>
      </footer>
    </dialog>
  );
}
