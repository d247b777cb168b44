import { useEffect, useState, type FormEvent } from 'react';
import { useClient } from '../../client/connection-context';
import { errorMessage } from '../../client/engine-error';
import { useEngineCall } from '../../client/use-engine-call';
import type { CommentNode } from '../../contracts';
import { useT } from '../../i18n';
import { NoteItem } from '../bookmarks/NoteItem';
import { ANNOTATIONS_CHANGED_EVENT } from './annotation-commands';
import './strings';

interface Props {
  eventId: number;
  readOnly: boolean;
  /** Bumped by the caller when a comment was added elsewhere (the note form). */
  refresh: number;
  onChanged(): void;
}

/** The event's comments as threads: each editable (with history) and answerable. */
export function CommentThreads({ eventId, readOnly, refresh, onChanged }: Props) {
  const t = useT();
  const [own, setOwn] = useState(0);
  const { value } = useEngineCall('annotations.forEvent', { eventId }, `${refresh}-${own}`);
  useEffect(() => {
    const changed = () => setOwn((r) => r + 1);
    window.addEventListener(ANNOTATIONS_CHANGED_EVENT, changed);
    return () => window.removeEventListener(ANNOTATIONS_CHANGED_EVENT, changed);
  }, []);
  const saved = () => {
    setOwn((r) => r + 1);
    onChanged();
  };
  const comments = value?.eventId === eventId ? value.comments : [];
  return (
    <div className="comment-threads" data-testid="comment-threads">
      <h4>{t('annotations.comments')}</h4>
      {comments.length === 0 && <p className="muted">{t('annotations.noComments')}</p>}
      <ul className="thread">
        {comments.map((c) => (
          <Comment key={c.id} comment={c} eventId={eventId} readOnly={readOnly} onSaved={saved} />
        ))}
      </ul>
    </div>
  );
}

function Comment({ comment, eventId, readOnly, onSaved }: { comment: CommentNode; eventId: number; readOnly: boolean; onSaved(): void }) {
  const t = useT();
  const client = useClient();
  const [replying, setReplying] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    client.call('annotations.comment', { eventId, text, parentId: comment.id }).then(
      () => {
        setBusy(false);
        setText('');
        setReplying(false);
        onSaved();
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorMessage(err));
      },
    );
  };
  const note = {
    id: comment.id,
    text: comment.text,
    examiner: comment.examiner,
    created_at: comment.createdAt,
    edited_by: comment.editedBy,
    edited_at: comment.editedAt ?? comment.createdAt,
    revisions: comment.revisions,
  };
  return (
    <li className="comment" data-testid="comment" data-comment-id={comment.id}>
      <NoteItem note={note} readOnly={readOnly} onSaved={onSaved} />
      {!readOnly && !replying && (
        <button type="button" className="link-button" onClick={() => setReplying(true)} data-testid="comment-reply">
          {t('annotations.reply')}
        </button>
      )}
      {replying && (
        <form className="reply-form" onSubmit={submit}>
          <textarea
            rows={2}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            placeholder={t('annotations.replyPlaceholder', { examiner: comment.examiner })}
            data-testid="reply-text"
            autoFocus
          />
          <div className="reply-actions">
            <button type="submit" className="primary" disabled={busy || !text.trim()} data-testid="reply-send">
              {busy ? t('annotations.saving') : t('annotations.send')}
            </button>
            <button type="button" onClick={() => setReplying(false)}>{t('annotations.cancel')}</button>
          </div>
          {error && <p className="error-text" role="alert">{error}</p>}
        </form>
      )}
      {comment.replies.length > 0 && (
        <ul className="thread replies">
          {comment.replies.map((r) => (
            <Comment key={r.id} comment={r} eventId={eventId} readOnly={readOnly} onSaved={onSaved} />
          ))}
        </ul>
      )}
    </li>
  );
}
