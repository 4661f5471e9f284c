import type { ParsedInputOf } from '../../shared/contract';
import { defaultLocalTerms, type LocalTerms } from '../../shared/clinical/localTerms';
import type { ClinicDateFormat, LocalTermsView } from '../../shared/contract/display';
import { defaultDateOrderFor, type DateDisplay } from '../../shared/dates';
import type { ServiceContext } from '../context';
import { readSetting, requireClinician, writeSetting } from './settings';

const DATE_FORMAT = 'display.dateFormat';
const LOCAL_TERMS = 'display.localTerms';

export function clinicDateFormat(ctx: ServiceContext): ClinicDateFormat {
  return { saved: readSetting<DateDisplay | null>(ctx, DATE_FORMAT) ?? null };
}

/**
 * How dates are written in what Pacewise prints or exports (a patient's record, the clinic report):
 * the clinic's saved format, else what this computer's locale suggests, as the screens do.
 */
export function clinicDateDisplay(ctx: ServiceContext): DateDisplay {
  const locale = Intl.DateTimeFormat().resolvedOptions().locale || 'en-AU';
  return clinicDateFormat(ctx).saved ?? { order: defaultDateOrderFor(locale), monthNames: true };
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

export function localTerms(ctx: ServiceContext): LocalTermsView {
  const saved = readSetting<LocalTerms | null>(ctx, LOCAL_TERMS) ?? null;
  return { terms: { ...defaultLocalTerms, ...saved }, saved };
}

/** Audited like every setting: the words appear in every clinician's red-flag actions. */
export function setLocalTerms(ctx: ServiceContext, input: ParsedInputOf<'display.setLocalTerms'>): LocalTermsView {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => writeSetting(ctx, LOCAL_TERMS, input.terms, actor))();
  return localTerms(ctx);
}
