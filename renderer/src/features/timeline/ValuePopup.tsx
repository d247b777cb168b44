import { useState } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { useModalDialog } from '../../components/use-modal-dialog';
import { useT } from '../../i18n';
import { revealInvisibles } from '../../lib/reveal-invisibles';
import { commandLineParts } from './command-line-parts';
import type { TimelineColumn } from './timeline-columns';
import '../../components/strings';
import '../detail/strings';
import './strings';

interface Props {
  column: TimelineColumn;
  eventId: string;
  /** The value exactly as stored; copied as is. */
  value: string;
  onClose(): void;
}

/**
 * A long value whole: wrapped to the dialog's width (command lines also break after commas),
 * or one argument per line; invisible and bidi characters shown as markers; a copy button
 * that copies the value exactly as the evidence holds it.
 */
export function ValuePopup({ column, eventId, value, onClose }: Props) {
  const t = useT();
  const dialog = useModalDialog();
  const command = column.long === 'command';
  const [split, setSplit] = useState(command);
  const label = t(`timeline.col.${column.id}`);
  const shown = revealInvisibles(value, true);
  const pieces = command || column.long === 'url' ? commandLineParts(shown) : [shown];
  return (
    <dialog ref={dialog} className="modal-dialog value-popup" data-testid="value-popup" onClose={onClose}>
      <header className="dialog-header">
        <h2>
          {label} <span className="muted">· {t('detail.event', { id: eventId })}</span>
        </h2>
        <span className="dialog-header-actions">
          <CopyButton text={value} label={t('timeline.copyValue', { column: label })} testId="value-popup-copy" />
          <button type="button" onClick={() => dialog.current?.close()} data-testid="value-popup-close">
            {t('common.close')}
          </button>
        </span>
      </header>
      <div className="dialog-body">
        {(command || column.long === 'url') && (
          <label className="value-popup-split">
            <input type="checkbox" checked={split} onChange={() => setSplit((s) => !s)} data-testid="value-popup-split" />{' '}
            {t('timeline.onePerLine')}
          </label>
        )}
        <pre className={`value-popup-text${column.mono ? ' mono' : ''}${split ? ' split' : ''}`} data-testid="value-popup-text">
          {split
            ? pieces.map((piece, i) => (
                <span key={i} className="value-piece">
                  {piece}
                </span>
              ))
            : pieces.map((piece, i) => (
                // A break opportunity after each piece: after commas as well as spaces.
                <span key={i}>
                  {piece}
                  <wbr />
                </span>
              ))}
        </pre>
      </div>
    </dialog>
  );
}
