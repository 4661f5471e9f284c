import { eq, sql } from 'drizzle-orm';
import type { AppState, Clinician } from '../../shared/contract/setup';
import type { ParsedInputOf } from '../../shared/contract';
import type { ServiceContext } from '../context';
import { clinician, setting } from '../db/schema';
import { ApiError, notFound } from '../errors';
import { appendAudit } from './audit';
import { prepared } from '../db/prepared';

const CLINIC_NAME = 'clinic.name';
const LAST_CLINICIAN = 'session.lastClinicianId';

export function readSetting<T>(ctx: ServiceContext, key: string): T | null {
  // Prepared once: the caseload reads two settings per page, and building the query cost more than running it.
  const row = prepared(ctx, 'settings.read', () =>
    ctx.db
      .select({ valueJson: setting.valueJson })
      .from(setting)
      .where(eq(setting.key, sql.placeholder('key')))
      .prepare(),
  ).get({ key });
  return row ? (JSON.parse(row.valueJson) as T) : null;
}

/** Writes a setting and its audit entry; call inside the caller's transaction. */
export function writeSetting(ctx: ServiceContext, key: string, value: unknown, actorId: string | null): void {
  const before = readSetting(ctx, key);
  const at = ctx.now().toISOString();
  ctx.db
    .insert(setting)
    .values({ key, valueJson: JSON.stringify(value), updatedAt: at, updatedBy: actorId })
    .onConflictDoUpdate({
      target: setting.key,
      set: { valueJson: JSON.stringify(value), updatedAt: at, updatedBy: actorId },
    })
    .run();
  appendAudit(ctx.db, ctx, {
    actorId,
    patientId: null,
    entity: 'setting',
    entityId: key,
    action: 'settings',
    before,
    after: value,
  });
}

function toClinician(row: typeof clinician.$inferSelect): Clinician {
  return {
    id: row.id,
    fullName: row.fullName,
    profession: row.profession as Clinician['profession'],
    registrationNumber: row.registrationNumber,
    active: row.active,
  };
}

/** Restores the last signed-in clinician when the app starts, so a restart does not lose who is working. */
export function restoreSession(ctx: ServiceContext): void {
  const last = readSetting<string>(ctx, LAST_CLINICIAN);
  if (last && ctx.db.select({ id: clinician.id }).from(clinician).where(eq(clinician.id, last)).get()) {
    ctx.session.clinicianId = last;
  }
}

export function appState(ctx: ServiceContext): AppState {
  const clinicName = readSetting<string>(ctx, CLINIC_NAME);
  const current = ctx.session.clinicianId
    ? ctx.db.select().from(clinician).where(eq(clinician.id, ctx.session.clinicianId)).get()
    : undefined;
  return {
    isSetUp: clinicName !== null && current !== undefined,
    clinicName,
    currentClinician: current ? toClinician(current) : null,
    appVersion: ctx.appVersion,
    dataDirectory: ctx.dataDirectory,
    startup: null,
  };
}

/** The clinician acting now. Every clinical write goes through this, so none is anonymous. */
export function requireClinician(ctx: ServiceContext): string {
  if (!ctx.session.clinicianId) {
    throw new ApiError('not_set_up', 'No clinician is signed in. Finish setting up the clinic first.');
  }
  return ctx.session.clinicianId;
}

function insertClinician(
  ctx: ServiceContext,
  input: ParsedInputOf<'clinicians.add'>,
  actorId: string | null,
): Clinician {
  const at = ctx.now().toISOString();
  const row = {
    id: ctx.newId(),
    fullName: input.fullName,
    profession: input.profession,
    registrationNumber: input.registrationNumber,
    active: true,
    createdAt: at,
    createdBy: actorId,
    updatedAt: at,
    updatedBy: actorId,
  };
  ctx.db.insert(clinician).values(row).run();
  appendAudit(ctx.db, ctx, {
    actorId: actorId ?? row.id,
    patientId: null,
    entity: 'clinician',
    entityId: row.id,
    action: 'create',
    after: row,
  });
  return toClinician(row);
}

export function completeSetup(ctx: ServiceContext, input: ParsedInputOf<'setup.complete'>): AppState {
  if (readSetting<string>(ctx, CLINIC_NAME) !== null) {
    throw new ApiError('conflict', 'This clinic is already set up. Add more clinicians in Settings.');
  }
  ctx.sqlite.transaction(() => {
    const first = insertClinician(ctx, input.clinician, null);
    writeSetting(ctx, CLINIC_NAME, input.clinicName, first.id);
    writeSetting(ctx, LAST_CLINICIAN, first.id, first.id);
    ctx.session.clinicianId = first.id;
  })();
  return appState(ctx);
}

export function listClinicians(ctx: ServiceContext): Clinician[] {
  return ctx.db.select().from(clinician).orderBy(clinician.fullName).all().map(toClinician);
}

export function addClinician(ctx: ServiceContext, input: ParsedInputOf<'clinicians.add'>): Clinician {
  const actor = requireClinician(ctx);
  return ctx.sqlite.transaction(() => insertClinician(ctx, input, actor))();
}

export function signIn(ctx: ServiceContext, clinicianId: string): AppState {
  const row = ctx.db.select().from(clinician).where(eq(clinician.id, clinicianId)).get();
  if (!row || !row.active) throw notFound('That clinician');
  ctx.sqlite.transaction(() => writeSetting(ctx, LAST_CLINICIAN, clinicianId, clinicianId))();
  ctx.session.clinicianId = clinicianId;
  return appState(ctx);
}
