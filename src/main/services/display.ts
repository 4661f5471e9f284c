import type { ParsedInputOf } from '../../shared/contract';
import type { ClinicDateFormat } from '../../shared/contract/display';
import type { DateDisplay } from '../../shared/dates';
import type { ServiceContext } from '../context';
import { readSetting, requireClinician, writeSetting } from './settings';

const DATE_FORMAT = 'display.dateFormat';

export function clinicDateFormat(ctx: ServiceContext): ClinicDateFormat {
  return { saved: readSetting<DateDisplay | null>(ctx, DATE_FORMAT) ?? null };
}

/** Audited like every setting: dates on screen change for everyone on this caseload. */
export function setClinicDateFormat(
  ctx: ServiceContext,
  input: ParsedInputOf<'display.setDateFormat'>,
): ClinicDateFormat {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => writeSetting(ctx, DATE_FORMAT, input.format, actor))();
  return clinicDateFormat(ctx);
}
