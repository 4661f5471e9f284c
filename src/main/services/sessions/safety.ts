import {
  thresholdKeys,
  thresholdsWithValues,
  validateThresholds,
  withinBounds,
  type ScreenThresholds,
} from '../../../shared/clinical/session';
import { defaultScreenThresholds } from '../../../shared/clinical/session';
import type { ClinicThresholds } from '../../../shared/contract/sessions';
import type { PatientSafetyContext } from '../../../shared/domain/safetyContext';
import { eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../../context';
import { prepared } from '../../db/prepared';
import { setting } from '../../db/schema';
import { ApiError } from '../../errors';
import { appendAudit } from '../audit';
import { getSafetyContext } from '../intake/safetyContext';
import { readSetting, requireClinician, writeSetting } from '../settings';

const THRESHOLDS = 'sessions.screenThresholds';
const THRESHOLDS_AT = 'sessions.screenThresholdsUpdatedAt';

/** Patient facts come only from intake's assembled context; sessions never read intake tables. */
export function safetyContextFor(ctx: ServiceContext, patientId: string, date: string): PatientSafetyContext {
  return getSafetyContext(ctx, patientId, date);
}

const parsed = new WeakMap<object, { json: string | null; thresholds: ScreenThresholds }>();

/** The clinic's thresholds; parsed once per stored value, since every screen and sign-off reads them. */
export function clinicThresholds(ctx: ServiceContext): ScreenThresholds {
  const json =
    prepared(ctx, 'sessions.thresholds', () =>
      ctx.db
        .select({ v: setting.valueJson })
        .from(setting)
        .where(eq(setting.key, sql.placeholder('key')))
        .prepare(),
    ).get({ key: THRESHOLDS })?.v ?? null;
  const cached = parsed.get(ctx.db);
  if (cached && cached.json === json) return cached.thresholds;
  const thresholds = withinBounds(thresholdsWithValues(json ? (JSON.parse(json) as Record<string, unknown>) : {}));
  parsed.set(ctx.db, { json, thresholds });
  return thresholds;
}

export function thresholdsView(ctx: ServiceContext): ClinicThresholds {
  const thresholds = clinicThresholds(ctx);
  return {
    thresholds,
    changed: thresholdKeys.filter((k) => thresholds[k].value !== defaultScreenThresholds[k].value),
    updatedAt: readSetting<string>(ctx, THRESHOLDS_AT),
  };
}

/** Sources disagree (FACTS §3), so each threshold is the clinic's call; every change is audited with its reason. */
export function setThresholds(
  ctx: ServiceContext,
  input: { values: Partial<Record<string, number>>; reason: string },
): ClinicThresholds {
  const actor = requireClinician(ctx);
  const current = clinicThresholds(ctx);
  const next = thresholdsWithValues(input.values, current);
  const problems = validateThresholds(next);
  if (problems.length > 0) {
    const fields = Object.fromEntries(problems.map((p) => [`values.${p.key}`, `${next[p.key].label}: ${p.message}`]));
    throw new ApiError('validation', Object.values(fields).join(' '), fields);
  }
  const stored = Object.fromEntries(thresholdKeys.map((k) => [k, next[k].value]));
  ctx.sqlite.transaction(() => {
    writeSetting(ctx, THRESHOLDS, stored, actor);
    writeSetting(ctx, THRESHOLDS_AT, ctx.now().toISOString(), actor);
    // writeSetting audits the values; this entry carries the clinician's reason beside them.
    appendReason(ctx, actor, stored, input.reason);
  })();
  return thresholdsView(ctx);
}

function appendReason(ctx: ServiceContext, actor: string, after: unknown, reason: string) {
  appendAudit(ctx.db, ctx, {
    actorId: actor,
    patientId: null,
    entity: 'screen_thresholds',
    entityId: THRESHOLDS,
    action: 'settings',
    after,
    reason,
  });
}
