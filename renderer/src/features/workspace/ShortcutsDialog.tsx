import { useModalDialog } from '../../components/use-modal-dialog';
import { useT } from '../../i18n';
import '../../components/strings';
import './strings';

// Key names are the same in every language; what they do is translated.
const SHORTCUTS: readonly [string, string][] = [
  ['j / k, ↓ / ↑', 'workspace.key.move'],
  ['PageDown / PageUp', 'workspace.key.page'],
  ['Home / End', 'workspace.key.ends'],
  ['Enter', 'workspace.key.open'],
  ['/', 'workspace.key.search'],
  ['t', 'workspace.key.tag'],
  ['p', 'workspace.key.pivot'],
  ['v', 'workspace.key.value'],
  ['1 – 7', 'workspace.key.views'],
  ['Alt+← / →, Shift+← / →', 'workspace.key.columns'],
  ['?', 'workspace.key.help'],
  ['Esc', 'workspace.key.escape'],
];

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const dialog = useModalDialog();
  return (
    <dialog ref={dialog} className="modal-dialog shortcuts-dialog" data-testid="shortcuts-dialog" onClose={onClose}>
      <header className="dialog-header">
        <h2>{t('workspace.shortcuts')}</h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('common.close')}
        </button>
      </header>
      <dl className="shortcut-list dialog-body">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what} className="shortcut">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{t(what)}</dd>
          </div>
        ))}
      </dl>
    </dialog>
  );
}
