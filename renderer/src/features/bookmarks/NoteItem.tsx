import { useState } from 'react';
import { useClient } from '../../client/connection-context';
import { errorMessage } from '../../client/engine-error';
import { useEngineCall } from '../../client/use-engine-call';
import type { NoteInfo } from '../../contracts';
import { displayValue } from '../../lib/reveal-invisibles';

/** One note: its current text, an edit that adds a revision, and the earlier revisions. */
export function NoteItem({ note, readOnly, onSaved }: { note: NoteInfo; readOnly: boolean; onSaved(): void }) {
  const client = useClient();
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
            Save revision
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </>
      ) : (
        <blockquote className="note-text">{note.text}</blockquote>
      )}
      <p className="muted">
        {displayValue(note.examiner)}, {note.created_at}
        {note.revisions > 1 && ` — edited by ${displayValue(note.edited_by)}, ${note.edited_at}`}{' '}
        {!readOnly && !editing && (
          <button type="button" className="link-button" onClick={() => setEditing(true)} data-testid="note-edit">
            Edit
          </button>
        )}{' '}
        {note.revisions > 1 && (
          <button type="button" className="link-button" onClick={() => setShowHistory((v) => !v)} data-testid="note-history-toggle">
            {showHistory ? 'Hide history' : `History (${note.revisions})`}
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
