import type { ParsedInputOf } from '../../../../shared/contract';
import { RESEARCH_DATE_SHIFT_DAYS, type ResearchSettings } from '../../../../shared/contract/standardExports';
import type { ServiceContext } from '../../../context';
import { ApiError } from '../../../errors';
import { readSetting, requireClinician, writeSetting } from '../../settings';

const DATE_SHIFT_SETTING = 'research.dateShiftDays';

/** The range a new patient's research date offset is drawn from: clinic policy, the default until changed. */
export function researchDateShift(ctx: ServiceContext): { minDays: number; maxDays: number } {
  return (
    readSetting<{ minDays: number; maxDays: number }>(ctx, DATE_SHIFT_SETTING) ?? {
      minDays: RESEARCH_DATE_SHIFT_DAYS.min,
      maxDays: RESEARCH_DATE_SHIFT_DAYS.max,
    }
  );
}

export function researchSettings(ctx: ServiceContext): ResearchSettings {
  requireClinician(ctx);
  const withOffset = ctx.sqlite.prepare('SELECT count(*) FROM research_subject').pluck().get() as number;
  return {
    ...researchDateShift(ctx),
    defaults: { minDays: RESEARCH_DATE_SHIFT_DAYS.min, maxDays: RESEARCH_DATE_SHIFT_DAYS.max },
    patientsWithOffset: withOffset,
  };
}

/** Audited with who and when (writeSetting); offsets already given are kept, so earlier exports still match. */
export function setResearchDateShift(
  ctx: ServiceContext,
  input: ParsedInputOf<'exports.setResearchDateShift'>,
): ResearchSettings {
  const actor = requireClinician(ctx);
  // The launcher refuses a clinician this channel (adminChannels); the service says so too, as the export does.
  const role = ctx.sqlite.prepare('SELECT role FROM clinician WHERE id = ?').pluck().get(actor);
  if (role !== 'administrator') {
    throw new ApiError('forbidden', 'Only a clinic administrator can change the research date offset.');
  }
  ctx.sqlite.transaction(() =>
    writeSetting(ctx, DATE_SHIFT_SETTING, { minDays: input.minDays, maxDays: input.maxDays }, actor),
  )();
  return researchSettings(ctx);
}
