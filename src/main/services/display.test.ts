import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCaseload } from '../testing';
import { auditTrailFor } from './audit';
import { clinicDateFormat, setClinicDateFormat } from './display';

let t: ReturnType<typeof openTestCaseload>;
beforeEach(() => {
  t = openTestCaseload();
});
afterEach(() => t.close());

describe("the clinic's date format", () => {
  it('is unset until chosen (the computer locale decides), then saved, audited, and reset', () => {
    expect(clinicDateFormat(t.ctx)).toEqual({ saved: null });
    setClinicDateFormat(t.ctx, { format: { order: 'MDY', monthNames: false } });
    expect(clinicDateFormat(t.ctx)).toEqual({ saved: { order: 'MDY', monthNames: false } });
    setClinicDateFormat(t.ctx, { format: null });
    expect(clinicDateFormat(t.ctx)).toEqual({ saved: null });
    const trail = auditTrailFor(t.ctx.db, 'setting', 'display.dateFormat');
    expect(trail).toHaveLength(2);
    expect(trail[0]!.afterJson).toContain('MDY');
  });
});
