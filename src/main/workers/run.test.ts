import { describe, expect, it } from 'vitest';
import { openTestCaseload } from '../testing';
import { reconcileInWorker } from '../services/reconcile';
import { runInWorker } from './run';

describe('maintenance worker', () => {
  it('reconciles a caseload in a worker thread and reports a failure as an error, not a crash', async () => {
    const t = openTestCaseload();
    try {
      const report = await reconcileInWorker(`${t.dir}/caseload.db`, t.dir, new Date());
      expect(report).toMatchObject({ ok: true, findingCount: 0 });
      expect(report.chain.checked).toBeGreaterThan(0);
      await expect(
        runInWorker({ task: 'backup', source: `${t.dir}/nothing.db`, destination: `${t.dir}/x.db` }),
      ).rejects.toThrow();
    } finally {
      t.close();
    }
  });
});
