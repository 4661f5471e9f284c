import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { api } from '../../api';

/**
 * The start-up reconciliation runs in a worker while the clinician works; if it finds a record or
 * audit entry changed outside Pacewise, say so once, where it cannot be missed.
 */
export function useStartupReconciliation(): void {
  useEffect(() => {
    let cancelled = false;
    api.maintenance
      .reconcile({ fresh: false })
      .then((report) => {
        if (cancelled || !report || report.ok) return;
        notifications.show({
          id: 'startup-reconciliation',
          color: 'red',
          title: 'Records changed outside Pacewise',
          message:
            `${report.findingCount + report.chain.breakCount} problem(s) found when checking the caseload against its ` +
            'audit trail. Settings → Backups and audit trail lists each one.',
          autoClose: false,
        });
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
}
