import { asc, eq, sql } from 'drizzle-orm';
import {
  customMeasureDefinition,
  getMeasure,
  isCustomMeasureKey,
  type MeasureDefinition,
} from '../../../shared/clinical/measures';
import type { ParsedInputOf } from '../../../shared/contract';
import type { CustomMeasure } from '../../../shared/contract/assessments';
import type { ServiceContext } from '../../context';
import { prepared } from '../../db/prepared';
import { customMeasure } from '../../db/schema';
import { ApiError, fieldError, notFound } from '../../errors';
import { insertAudited, updateAudited } from '../audit';
import { readSetting, requireClinician, writeSetting } from '../settings';

export const DEFAULT_BATTERY_SETTING = 'assessments.defaultBattery';

/** What a clinic starts with before it chooses its own battery (FACTS §4: the common core). */
export const STARTER_BATTERY = ['six_minute_walk', 'timed_up_and_go', 'sit_to_stand_30s', 'handgrip', 'esas_r'];

type CustomRow = typeof customMeasure.$inferSelect;

function toCustom(row: CustomRow): CustomMeasure {
  return {
    id: row.id,
    key: `custom.${row.id}`,
    name: row.name,
    unit: row.unit,
    better: row.better === 'lower' ? 'lower' : 'higher',
    mcid: row.mcid,
    source: row.source,
    decimals: row.decimals,
    rangeMin: row.rangeMin,
    rangeMax: row.rangeMax,
    instructions: row.instructions,
    retired: row.retired,
  };
}

export function listCustomMeasures(ctx: ServiceContext, includeRetired = false): CustomMeasure[] {
  const rows = prepared(ctx, 'measures.custom.all', () =>
    ctx.db.select().from(customMeasure).orderBy(asc(customMeasure.name)).prepare(),
  ).all();
  return rows.filter((r) => includeRetired || !r.retired).map(toCustom);
}

/** The definition behind a stored key, built-in or the clinic's own (retired ones still resolve). */
export function definitionFor(ctx: ServiceContext, key: string): MeasureDefinition | null {
  if (isCustomMeasureKey(key)) {
    const row = prepared(ctx, 'measures.custom.byId', () =>
      ctx.db
        .select()
        .from(customMeasure)
        .where(eq(customMeasure.id, sql.placeholder('id')))
        .prepare(),
    ).get({ id: key.slice('custom.'.length) });
    return row ? customMeasureDefinition(toCustom(row)) : null;
  }
  return getMeasure(key);
}

/** Every custom definition at once, for screens that resolve many keys. */
export function customDefinitions(ctx: ServiceContext): Map<string, MeasureDefinition> {
  return new Map(listCustomMeasures(ctx, true).map((m) => [m.key, customMeasureDefinition(m)]));
}

export function createCustomMeasure(ctx: ServiceContext, input: ParsedInputOf<'measures.createCustom'>): CustomMeasure {
  const actor = requireClinician(ctx);
  return ctx.sqlite.transaction(() => {
    const clash = listCustomMeasures(ctx, false).find((m) => m.name.toLowerCase() === input.name.toLowerCase());
    if (clash) throw fieldError('name', `The clinic already has a measure called ${clash.name}`);
    if (getMeasure(input.name)) throw fieldError('name', 'That name is taken by a built-in measure');
    const row = insertAudited(
      ctx,
      customMeasure,
      {
        id: ctx.newId(),
        name: input.name,
        unit: input.unit,
        better: input.better,
        mcid: input.mcid,
        source: input.source,
        decimals: input.decimals,
        rangeMin: input.rangeMin,
        rangeMax: input.rangeMax,
        instructions: input.instructions,
        retired: false,
      },
      { actorId: actor, patientId: null, entity: 'custom_measure' },
    );
    return toCustom(row);
  })();
}

export function retireCustomMeasure(ctx: ServiceContext, measureId: string): CustomMeasure {
  const actor = requireClinician(ctx);
  return ctx.sqlite.transaction(() => {
    const row = ctx.db.select().from(customMeasure).where(eq(customMeasure.id, measureId)).get();
    if (!row) throw notFound('That measure');
    if (row.retired) throw new ApiError('conflict', `${row.name} is already retired.`);
    const after = updateAudited(
      ctx,
      customMeasure,
      row,
      { retired: true },
      {
        actorId: actor,
        patientId: null,
        entity: 'custom_measure',
        action: 'retire',
      },
    );
    // Retiring removes it from the default battery too, so new forms do not list it.
    const battery = defaultBattery(ctx);
    if (battery.includes(`custom.${row.id}`)) {
      writeSetting(
        ctx,
        DEFAULT_BATTERY_SETTING,
        battery.filter((k) => k !== `custom.${row.id}`),
        actor,
      );
    }
    return toCustom(after);
  })();
}

/** A measure that may be entered on a new form: built-in (not an ESAS-r symptom) or active custom. */
export function assertRecordable(ctx: ServiceContext, key: string, field = 'measureKey'): MeasureDefinition {
  const def = definitionFor(ctx, key);
  if (!def) throw fieldError(field, `Pacewise does not know the measure “${key}”`);
  if (def.parent)
    throw fieldError(field, `${def.name} is entered as part of ${def.parent === 'esas_r' ? 'the ESAS-r' : def.parent}`);
  return def;
}

export function defaultBattery(ctx: ServiceContext): string[] {
  return readSetting<string[]>(ctx, DEFAULT_BATTERY_SETTING) ?? STARTER_BATTERY;
}

export function setDefaultBattery(ctx: ServiceContext, keys: string[]): string[] {
  const actor = requireClinician(ctx);
  return ctx.sqlite.transaction(() => {
    const unique = [...new Set(keys)];
    unique.forEach((key, i) => {
      const def = assertRecordable(ctx, key, `measureKeys.${i}`);
      if (isCustomMeasureKey(key) && listCustomMeasures(ctx, false).every((m) => m.key !== key)) {
        throw fieldError(`measureKeys.${i}`, `${def.name} is retired`);
      }
    });
    writeSetting(ctx, DEFAULT_BATTERY_SETTING, unique, actor);
    return unique;
  })();
}
