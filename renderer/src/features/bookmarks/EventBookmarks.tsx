import { useEffect, useState, type FormEvent } from 'react';
import { useClient } from '../../client/connection-context';
import { errorMessage } from '../../client/engine-error';
import { useEngineCall } from '../../client/use-engine-call';
import { displayValue } from '../../lib/reveal-invisibles';
import { useT } from '../../i18n';
import './strings';
import { ANNOTATIONS_CHANGED_EVENT } from '../annotations/annotation-commands';
import { CommentThreads } from '../annotations/CommentThreads';

const LABELS = ['evidence', 'suspicious', 'benign', 'IOC'];

interface Props {
  eventId: number;
  readOnly: boolean;
  onChanged(): void;
}

/**
 * Tags and notes of the selected event. "Saved" is shown only after the engine answers,
 * and the engine answers only once the action is fsynced to the case journal.
 */
export function EventBookmarks({ eventId, readOnly, onChanged }: Props) {
  const client = useClient();
  const t = useT();
  const [refresh, setRefresh] = useState(0);
  const { value: mark } = useEngineCall('bookmarks.forEvent', { eventId }, refresh);
  const [label, setLabel] = useState('');
  const [custom, setCustom] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  // A star or a bulk tag made elsewhere adds a tag chip here.
  useEffect(() => {
    const changed = () => setRefresh((r) => r + 1);
    window.addEventListener(ANNOTATIONS_CHANGED_EVENT, changed);
    return () => window.removeEventListener(ANNOTATIONS_CHANGED_EVENT, changed);
  }, []);

  const done = (text: string) => {
    setBusy(false);
    setStatus({ ok: true, text });
    setRefresh((r) => r + 1);
    onChanged();
  };
  const failed = (e: unknown) => {
    setBusy(false);
    setStatus({ ok: false, text: errorMessage(e) });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const tag = label === 'custom' ? custom.trim() : label;
    if (!tag && !note.trim()) return setStatus({ ok: false, text: t('bookmarks.needSomething') });
    setBusy(true);
    setStatus(null);
    try {
      if (tag) await client.call('tags.add', { eventId, label: tag });
      if (note.trim()) await client.call('notes.add', { eventId, text: note });
      setNote('');
      setLabel('');
      setCustom('');
      done(t('bookmarks.saved'));
    } catch (e) {
      failed(e);
    }
  };

  const removeTag = (tagId: number) => {
    setBusy(true);
    client.call('tags.remove', { tagId }).then(() => done(t('bookmarks.tagRemoved')), failed);
  };

  return (
    <section className="event-bookmarks" data-testid="event-bookmarks">
      <h3>{t('bookmarks.heading')}</h3>
      <div>
        {(mark?.tags ?? []).map((tag) => (
          <span key={tag.id} className="tag-chip" data-testid="event-tag" title={`${tag.examiner}, ${tag.created_at}`}>
            {displayValue(tag.label)}
            {!readOnly && (
              <button type="button" className="chip-remove" aria-label={t('bookmarks.removeTag', { label: tag.label })} onClick={() => removeTag(tag.id)} disabled={busy}>
                ×
              </button>
            )}
          </span>
        ))}
      </div>
      {/* Notes are comments: shown as threads, each editable and answerable. */}
      <CommentThreads eventId={eventId} readOnly={readOnly} refresh={refresh} onChanged={() => done(t('bookmarks.noteSaved'))} />
      {!readOnly && (
        <form onSubmit={(e) => void submit(e)} className="bookmark-form">
          <select value={label} onChange={(e) => setLabel(e.currentTarget.value)} data-testid="tag-label" aria-label={t('bookmarks.label')}>
            <option value="">{t('bookmarks.noLabel')}</option>
            {LABELS.map((l) => (
              <option key={l} value={l}>
                {t(`bookmarks.preset.${l}`)}
              </option>
            ))}
            <option value="custom">{t('bookmarks.other')}</option>
          </select>
          {label === 'custom' && (
            <input value={custom} onChange={(e) => setCustom(e.currentTarget.value)} placeholder={t('bookmarks.customPlaceholder')} aria-label={t('bookmarks.custom')} data-testid="tag-custom" />
          )}
          <textarea value={note} onChange={(e) => setNote(e.currentTarget.value)} placeholder={t('bookmarks.notePlaceholder')} rows={3} data-testid="note-text" />
          <button type="submit" className="primary" disabled={busy} data-testid="bookmark-save">
            {busy ? t('bookmarks.saving') : t('bookmarks.save')}
          </button>
        </form>
      )}
      {status && (
        <p className={status.ok ? 'saved-text' : 'error-text'} role="status" data-testid={status.ok ? 'bookmark-saved' : 'bookmark-error'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
