import { useState } from 'react';
import { showApiError } from '../../components/forms';

/** One export button's state: busy while the main process writes, then its result (or the error shown). */
export function useExport<R>(start: () => Promise<R>, failedTitle = 'Export failed') {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<R | null>(null);
  const run = async () => {
    setBusy(true);
    setResult(null);
    try {
      setResult(await start());
    } catch (error) {
      showApiError(error, undefined, { title: failedTitle });
    } finally {
      setBusy(false);
    }
  };
  return { busy, result, run };
}
