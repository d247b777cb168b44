// Cancels the engine's ingest job a row belongs to. The engine rolls back the file being read,
// records the cancellation in the custody log and leaves a removable "incomplete" row; the
// row then ends with that reason like any failed file.
import { useState } from 'react';
import { useConnection } from '../../client/connection-context';
import { useT } from '../../i18n';
import './strings';

interface Props {
  /** The row's key: `${jobId}:${index}`. */
  rowKey: string;
  name: string;
}

export function CancelIngestButton({ rowKey, name }: Props) {
  const { client } = useConnection();
  const t = useT();
  const [asked, setAsked] = useState(false);
  const jobId = rowKey.slice(0, rowKey.lastIndexOf(':'));
  return (
    <button
      type="button"
      className="small"
      disabled={asked}
      aria-label={t('intake.cancelLabel', { name })}
      data-testid="ingest-cancel"
      onClick={() => {
        setAsked(true);
        void client.call('ingest.cancel', { jobId });
      }}
    >
      {t('intake.cancel')}
    </button>
  );
}
