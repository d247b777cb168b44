import { CopyButton } from '../../components/CopyButton';
import { useT } from '../../i18n';
import './strings';

interface Props {
  algorithm: 'SHA-256' | 'SHA-1' | 'MD5';
  value: string;
  testId: string;
}

/** A full-length digest, selectable as one word, with a copy button beside it. */
export function HashCell({ algorithm, value, testId }: Props) {
  const t = useT();
  return (
    <td>
      <span className="hash-cell">
        <code className="hash" data-testid={testId}>
          {value}
        </code>
        {value && <CopyButton text={value} label={t('evidence.copyHash', { algorithm })} />}
      </span>
    </td>
  );
}
