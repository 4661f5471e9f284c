import { existsSync } from 'node:fs';
import { openSqlite } from '../db/connection';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestCaseload } from '../testing';
import { backUpCaseload, checkAuditTrail } from './maintenance';
import { createPatient } from './patients';

let current: ReturnType<typeof openTestCaseload> | null = null;
afterEach(() => current?.close());

describe('caseload maintenance', () => {
  it('backs up a consistent, openable copy into the backups folder and records who made it', async () => {
    current = openTestCaseload();
    createPatient(current.ctx, {
      givenName: 'Ruth',
      familyName: 'Okafor',
      preferredName: null,
      dateOfBirth: '1958-04-02',
      sex: 'female',
      mrn: 'MRN001',
    });
    const result = await backUpCaseload(current.ctx);
    expect(result.path.startsWith(`${current.dir}/backups/`)).toBe(true);
    expect(existsSync(result.path)).toBe(true);
    expect(result.sizeBytes).toBeGreaterThan(0);
    const copy = openSqlite(result.path, { readonly: true });
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT given_name FROM patient').all()).toEqual([{ given_name: 'Ruth' }]);
    copy.close();
    const last = current.ctx.sqlite.prepare('SELECT entity, actor_id FROM audit_event ORDER BY seq DESC LIMIT 1').get();
    expect(last).toEqual({ entity: 'caseload', actor_id: current.ctx.session.clinicianId });
  });

  it('reports an intact audit trail, and the first broken entry once one is altered', () => {
    current = openTestCaseload();
    const clean = checkAuditTrail(current.ctx);
    expect(clean).toMatchObject({ ok: true, brokenAt: null });
    expect(clean.checked).toBeGreaterThan(0);
    current.ctx.sqlite.exec('DROP TRIGGER audit_event_no_update');
    current.ctx.sqlite.prepare("UPDATE audit_event SET actor_id = 'someone-else' WHERE seq = 1").run();
    expect(checkAuditTrail(current.ctx)).toMatchObject({ ok: false, brokenAt: 1 });
  });
});
