import { useState } from 'react';
import { useClient } from '../../client/connection-context';
import { errorMessage } from '../../client/engine-error';
import { useEngineCall } from '../../client/use-engine-call';
import type { NoteInfo } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';
import { useT } from '../../i18n';
import './strings';
import '../../components/strings';

/** One note: its current text, an edit that adds a revision, and the earlier revisions. */
export function NoteItem({ note, readOnly, onSaved }: { note: NoteInfo; readOnly: boolean; onSaved(): void }) {
  const client = useClient();
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.text);
  const [showHistory, setShowHistory] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { value: history } = useEngineCall('notes.history', showHistory ? { noteId: note.id } : null, note.revisions);

  const save = () => {
    client.call('notes.edit', { noteId: note.id, text }).then(
      () => {
        setEditing(false);
        onSaved();
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  };

  return (
    <div className="note-item" data-testid="event-note">
      {editing ? (
        <>
          <textarea value={text} onChange={(e) => setText(e.currentTarget.value)} rows={3} data-testid="note-edit-text" />
          <button type="button" className="primary" onClick={save} data-testid="note-edit-save">
            {t('bookmarks.saveRevision')}
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </button>
        </>
      ) : (
        <blockquote className="note-text">{note.text}</blockquote>
      )}
      <p className="muted">
        {displayValue(note.examiner)}, {note.created_at}
        {note.revisions > 1 && t('bookmarks.editedBy', { examiner: displayValue(note.edited_by), time: note.edited_at })}{' '}
        {!readOnly && !editing && (
          <button type="button" className="link-button" onClick={() => setEditing(true)} data-testid="note-edit">
            {t('common.edit')}
          </button>
        )}{' '}
        {note.revisions > 1 && (
          <button type="button" className="link-button" onClick={() => setShowHistory((v) => !v)} data-testid="note-history-toggle">
            {showHistory ? t('bookmarks.hideHistory') : t('bookmarks.history', { count: note.revisions })}
          </button>
        )}
      </p>
      {error && <p className="error-text">{error}</p>}
      {showHistory && (
        <ol className="note-history" data-testid="note-history">
          {(history ?? []).map((r) => (
            <li key={r.id}>
              <span className="muted">
                {displayValue(r.examiner)}, {r.time}:
              </span>{' '}
              {r.text}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
