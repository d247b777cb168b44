import { useState } from 'react';
import { errorMessage } from '../client/engine-error';

/**
 * A dialog's one long-running engine call (an export, a package): busy while it runs, then its
 * result or its error. `work` resolves to undefined when the examiner cancelled (nothing written).
 */
export function useActionResult<R>(): {
  busy: boolean;
  error: string | null;
  result: R | null;
  run(work: () => Promise<R | undefined>): Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<R | null>(null);
  const run = async (work: () => Promise<R | undefined>): Promise<void> => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const done = await work();
      if (done !== undefined) setResult(done);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, result, run };
}
