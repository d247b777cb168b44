import { displayValue } from '../../lib/reveal-invisibles';

/** An entry's details as key: value pairs (untrusted text, rendered as text only). */
export function CustodyDetails({ json }: { json: string }) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return <code>{displayValue(json)}</code>;
  }
  if (!parsed || typeof parsed !== 'object') return <code>{displayValue(json)}</code>;
  return (
    <span className="custody-details" data-testid="custody-details">
      {Object.entries(parsed as Record<string, unknown>).map(([k, v]) => (
        <span key={k} className="kv">
          <span className="muted">{k}</span> {displayValue(typeof v === 'string' ? v : JSON.stringify(v))}
        </span>
      ))}
    </span>
  );
}
