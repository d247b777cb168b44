import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import './strings';

interface Props {
  text: string;
  label: string;
  testId?: string;
}

/** Copies `text` to the clipboard and says so for a moment. */
export function CopyButton({ text, label, testId }: Props) {
  const t = useT();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };

  return (
    <button type="button" className="copy-button" onClick={copy} aria-label={label} title={label} data-testid={testId} data-state={state}>
      {state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : t('common.copy')}
    </button>
  );
}
