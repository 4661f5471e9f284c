import { eq } from 'drizzle-orm';
import {
  builtInTemplates,
  letterTypes,
  mergeFields,
  type Letterhead,
  type LetterTemplate,
  type LetterType,
  type Signatory,
} from '../../../shared/clinical/letters';
import type { ParsedInputOf } from '../../../shared/contract';
import type { LetterSettingsView } from '../../../shared/contract/letters';
import { defaultDateOrderFor } from '../../../shared/dates';
import { professions, type Profession } from '../../../shared/domain/vocabulary';
import type { ServiceContext } from '../../context';
import { clinician } from '../../db/schema';
import { clinicDateFormat } from '../display';
import { readSetting, requireClinician, writeSetting } from '../settings';

const LETTERHEAD = 'letters.letterhead';
const REPLY_WAIT_DAYS = 'letters.replyWaitDays';
const templateKey = (type: LetterType) => `letters.template.${type}`;
const signatoryKey = (clinicianId: string) => `letters.signatory.${clinicianId}`;

/** Clinic policy, not from a source: how long a guidance request may wait before it is flagged. */
export const DEFAULT_REPLY_WAIT_DAYS = 14;

type StoredLetterhead = Pick<Letterhead, 'address' | 'phone' | 'email' | 'logo' | 'paper'>;

/** This process's locale, when the window's is not known (service tests). */
function systemLocale(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().locale || 'en-AU';
  } catch {
    return 'en-AU';
  }
}

export function letterheadOf(ctx: ServiceContext): Letterhead & { dateOrder: NonNullable<Letterhead['dateOrder']> } {
  const stored = readSetting<StoredLetterhead>(ctx, LETTERHEAD);
  return {
    clinicName: readSetting<string>(ctx, 'clinic.name') ?? 'Exercise clinic',
    address: stored?.address ?? null,
    phone: stored?.phone ?? null,
    email: stored?.email ?? null,
    logo: stored?.logo ?? null,
    paper: stored?.paper ?? 'A4',
    // Letters write dates as every screen does (Settings → Dates), always with the month by name.
    dateOrder: clinicDateFormat(ctx).saved?.order ?? defaultDateOrderFor(ctx.displayLocale ?? systemLocale()),
  };
}

export function signatoryOf(
  ctx: ServiceContext,
  clinicianId: string | null,
): Signatory & { clinicianId: string; profession: string | null } {
  const row = clinicianId ? ctx.db.select().from(clinician).where(eq(clinician.id, clinicianId)).get() : undefined;
  const stored = clinicianId
    ? readSetting<Omit<Signatory, 'name' | 'profession'>>(ctx, signatoryKey(clinicianId))
    : null;
  // "Other" names no profession; the credentials say what it is.
  const profession =
    row && row.profession !== 'other' ? (professions.labels[row.profession as Profession] ?? row.profession) : null;
  return {
    clinicianId: clinicianId ?? '',
    name: row?.fullName ?? '',
    profession,
    credentials: stored?.credentials ?? null,
    registrationNumber: stored?.registrationNumber ?? row?.registrationNumber ?? null,
    signature: stored?.signature ?? null,
  };
}

export function templateFor(ctx: ServiceContext, type: LetterType): { template: LetterTemplate; isBuiltIn: boolean } {
  const stored = readSetting<LetterTemplate>(ctx, templateKey(type));
  return stored ? { template: stored, isBuiltIn: false } : { template: builtInTemplates[type], isBuiltIn: true };
}

export function replyWaitDays(ctx: ServiceContext): number {
  return readSetting<number>(ctx, REPLY_WAIT_DAYS) ?? DEFAULT_REPLY_WAIT_DAYS;
}

export function letterSettings(ctx: ServiceContext): LetterSettingsView {
  const actor = requireClinician(ctx);
  return {
    letterhead: letterheadOf(ctx),
    signatory: signatoryOf(ctx, actor),
    replyWaitDays: replyWaitDays(ctx),
    templates: letterTypes.map((type) => ({ type, ...templateFor(ctx, type) })),
    mergeFields,
  };
}

export function saveLetterhead(
  ctx: ServiceContext,
  input: ParsedInputOf<'letters.saveLetterhead'>,
): LetterSettingsView {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => writeSetting(ctx, LETTERHEAD, input satisfies StoredLetterhead, actor))();
  return letterSettings(ctx);
}

export function saveSignatory(ctx: ServiceContext, input: ParsedInputOf<'letters.saveSignatory'>): LetterSettingsView {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => writeSetting(ctx, signatoryKey(actor), input, actor))();
  return letterSettings(ctx);
}

export function saveTemplate(ctx: ServiceContext, input: ParsedInputOf<'letters.saveTemplate'>): LetterSettingsView {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => writeSetting(ctx, templateKey(input.type), input.template, actor))();
  return letterSettings(ctx);
}

/** Back to the wording Pacewise ships with; the clinic's version stays in the audit trail. */
export function resetTemplate(ctx: ServiceContext, type: LetterType): LetterSettingsView {
  const actor = requireClinician(ctx);
  if (!templateFor(ctx, type).isBuiltIn) {
    ctx.sqlite.transaction(() => writeSetting(ctx, templateKey(type), null, actor))();
  }
  return letterSettings(ctx);
}

export function setReplyWaitDays(ctx: ServiceContext, days: number): LetterSettingsView {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => writeSetting(ctx, REPLY_WAIT_DAYS, days, actor))();
  return letterSettings(ctx);
}
