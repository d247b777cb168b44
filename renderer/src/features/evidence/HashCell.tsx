import { CopyButton } from '../../components/CopyButton';

interface Props {
  algorithm: 'SHA-256' | 'SHA-1' | 'MD5';
  value: string;
  testId: string;
}

/** A full-length digest, selectable as one word, with a copy button beside it. */
export function HashCell({ algorithm, value, testId }: Props) {
  return (
    <td>
      <span className="hash-cell">
        <code className="hash" data-testid={testId}>
          {value}
        </code>
        {value && <CopyButton text={value} label={`Copy ${algorithm}`} />}
      </span>
    </td>
  );
}
