import { useRef, useState } from 'react';
import { useConnection } from '../../client/connection-context';
import { desktopBridge } from '../../client/desktop-bridge';
import { errorMessage } from '../../client/engine-error';
import type { CaseInfo } from '../../contracts';
import { uploadPackage } from './upload-package';
import { useT } from '../../i18n';
import './strings';

/**
 * "Open evidence package (review)…" on the case picker: a legal reviewer opens a package
 * read-only. Desktop: the native open dialog. Browser: a file input, uploaded first.
 */
export function OpenPackageButton({ onOpened, examiner }: { onOpened(info: CaseInfo): void; examiner?: string }) {
  const t = useT();
  const { client, intake } = useConnection();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const open = async (path: string) => {
    setBusy(t('review.verifying'));
    onOpened(await client.call('review.open', { path, examiner }));
  };
  const run = (work: () => Promise<void>) => {
    setError(null);
    work()
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => setBusy(null));
  };
  const choose = () => {
    const bridge = desktopBridge();
    if (intake.mode === 'desktop' && bridge) {
      run(async () => {
        const path = await bridge.openPackage();
        if (path) await open(path);
      });
    } else input.current?.click();
  };
  const picked = (file: File | undefined) => {
    if (!file) return;
    run(async () => {
      setBusy(t('review.uploading'));
      await open(await uploadPackage(file));
    });
  };

  return (
    <section className="card review-open" aria-labelledby="review-open-title">
      <h2 id="review-open-title">{t('review.openTitle')}</h2>
      <p className="muted">{t('review.openHelp')}</p>
      <button type="button" onClick={choose} disabled={busy !== null} data-testid="open-package">
        {t('review.open')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".zip,application/zip"
        hidden
        data-testid="open-package-input"
        onChange={(e) => {
          picked(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {busy && <p className="muted" role="status">{busy}</p>}
      {error && (
        <p className="error-text" role="alert" data-testid="open-package-error">
          {error}
        </p>
      )}
    </section>
  );
}
