import { and, eq } from 'drizzle-orm';
import {
  isCustomMeasureKey,
  scoreCustomMeasure,
  scoreMeasure,
  type MeasureDefinition,
  type ScoreResult,
} from '../../../shared/clinical/measures';
import type { ParsedInputOf } from '../../../shared/contract';
import type { AssessmentDetail } from '../../../shared/contract/assessments';
import { ageOn } from '../../../shared/dates';
import type { Sex } from '../../../shared/domain/vocabulary';
import type { ServiceContext } from '../../context';
import { measureResult } from '../../db/schema';
import { ApiError, fieldError, notFound } from '../../errors';
import { insertAudited, updateAudited } from '../audit';
import { requireClinician } from '../settings';
import { assertRecordable } from './measures';
import {
  assertDraft,
  getAssessment,
  loadAssessment,
  patientFacts,
  resultRows,
  testConflictsFor,
  type AssessmentRow,
  type ComponentValues,
} from './view';

/** Measure results on a draft: scored in main by the same pure functions the form shows live. */

function score(
  def: MeasureDefinition,
  components: ComponentValues,
  context: { sex: Sex; age: number; heightCm: number | null; weightKg: number | null },
): ScoreResult {
  if (isCustomMeasureKey(def.key)) return scoreCustomMeasure(def, components);
  return scoreMeasure(def.key, components, context);
}

interface RescoredResult {
  measureKey: string;
  before: { value: number | null; derived: unknown };
  after: { value: number | null; derived: unknown };
}

/**
 * Re-scores every result of a draft from its stored components, after the date, height or weight
 * changed. Each result whose score changed gets its own audit entry, and the list of changes is
 * returned for the header's entry, so no stored value changes without a trace.
 */
export function rescore(ctx: ServiceContext, row: AssessmentRow, actor: string): RescoredResult[] {
  const changed: RescoredResult[] = [];
  for (const r of resultRows(ctx, row.id)) {
    if (r.parentResultId || r.componentsJson === '{}') continue;
    writeResult(ctx, row, r.measureKey, JSON.parse(r.componentsJson) as ComponentValues, actor, 'changed');
    const now = ctx.db.select().from(measureResult).where(eq(measureResult.id, r.id)).get()!;
    if (now.value !== r.value || now.derivedJson !== r.derivedJson) {
      changed.push({
        measureKey: r.measureKey,
        before: { value: r.value, derived: JSON.parse(r.derivedJson) as unknown },
        after: { value: now.value, derived: JSON.parse(now.derivedJson) as unknown },
      });
    }
  }
  return changed;
}

/**
 * Scores the components in main (the same pure function the form shows live) and upserts the
 * result, with ESAS-r symptoms as their own rows. Refuses, naming each component, when the
 * scoring finds a problem, so a half-entered measure never stores a misleading score.
 */
export function writeResult(
  ctx: ServiceContext,
  row: AssessmentRow,
  measureKey: string,
  components: ComponentValues,
  actor: string,
  /** true: audit every write; 'changed': audit only a result whose stored score changed. */
  audit: boolean | 'changed',
  /** Left as stored when undefined (a re-score); set when the measure is recorded. */
  overrideNote?: string | null,
): void {
  const def = assertRecordable(ctx, measureKey);
  const facts = patientFacts(ctx, row.patientId);
  const scored = score(def, components, {
    sex: facts.sex,
    age: ageOn(facts.dateOfBirth, row.assessedOn),
    heightCm: row.heightCm,
    weightKg: row.weightKg,
  });
  if (scored.errors.length > 0 || scored.value == null) {
    const known = new Set(def.components.map((c) => c.key));
    const fields = Object.fromEntries(
      scored.errors.map((e) => [known.has(e.field) ? `components.${e.field}` : '_', e.message]),
    );
    const first = scored.errors[0]?.message ?? 'The score could not be worked out.';
    throw new ApiError('validation', `${def.shortName} not saved: ${first}`, fields);
  }
  const at = ctx.now().toISOString();
  const upsert = (
    key: string,
    value: number | null,
    comps: unknown,
    derived: unknown,
    warnings: string[],
    parentResultId: string | null,
  ) => {
    const existing = ctx.db
      .select()
      .from(measureResult)
      .where(and(eq(measureResult.assessmentId, row.id), eq(measureResult.measureKey, key)))
      .get();
    const values = {
      value,
      componentsJson: JSON.stringify(comps),
      derivedJson: JSON.stringify(derived),
      warningsJson: JSON.stringify(warnings),
      assessedOn: row.assessedOn,
      parentResultId,
      overrideNote: parentResultId
        ? null
        : overrideNote === undefined
          ? (existing?.overrideNote ?? null)
          : overrideNote,
    };
    const changed =
      !existing ||
      existing.value !== values.value ||
      existing.componentsJson !== values.componentsJson ||
      existing.derivedJson !== values.derivedJson ||
      existing.warningsJson !== values.warningsJson ||
      existing.overrideNote !== values.overrideNote;
    const write = {
      actorId: actor,
      patientId: row.patientId,
      entity: 'measure_result',
      at,
      // A component row is logged inside its parent's entry; a re-score that changed nothing is not logged.
      ownEntry: (audit === true || (audit === 'changed' && changed)) && !parentResultId,
      after: ({ updatedAt, updatedBy }: { updatedAt: string; updatedBy: string }) => ({
        assessmentId: row.id,
        measureKey: key,
        ...values,
        updatedAt,
        updatedBy,
      }),
      reason: audit === 'changed' ? 'Re-scored after the assessment details changed' : undefined,
    };
    if (existing) {
      updateAudited(ctx, measureResult, existing, values, write);
      return existing.id;
    }
    return insertAudited(
      ctx,
      measureResult,
      { assessmentId: row.id, patientId: row.patientId, measureKey: key, ...values },
      write,
    ).id;
  };
  const parentId = upsert(measureKey, scored.value, components, scored.derived, scored.warnings, null);
  if (def.key === 'esas_r') {
    for (const [key, value] of Object.entries(scored.derived)) {
      if (!key.startsWith('esas_r.') || key === 'esas_r.other' || typeof value !== 'number') continue;
      upsert(key, value, { [key.slice('esas_r.'.length)]: value }, {}, [], parentId);
    }
  }
}

export function recordMeasure(
  ctx: ServiceContext,
  input: ParsedInputOf<'assessments.recordMeasure'>,
): AssessmentDetail {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => {
    const row = loadAssessment(ctx, input.assessmentId);
    assertDraft(row);
    const [conflict] = testConflictsFor(ctx, row, [input.measureKey]);
    if (conflict && !input.overrideNote) {
      const def = assertRecordable(ctx, input.measureKey);
      throw fieldError(
        'overrideNote',
        `${def.name} is ${conflict.what}, which conflicts with a bone-lesion restriction (${conflict.conflicts[0]!.reason}). Record why it is being tested, or choose another test.`,
      );
    }
    writeResult(ctx, row, input.measureKey, input.components, actor, true, conflict ? input.overrideNote : null);
  })();
  return getAssessment(ctx, input.assessmentId);
}

/** Takes a measure off a draft. The row stays (audited) with no value, so nothing is deleted. */
export function clearMeasure(ctx: ServiceContext, input: ParsedInputOf<'assessments.clearMeasure'>): AssessmentDetail {
  const actor = requireClinician(ctx);
  ctx.sqlite.transaction(() => {
    const row = loadAssessment(ctx, input.assessmentId);
    assertDraft(row);
    const existing = ctx.db
      .select()
      .from(measureResult)
      .where(and(eq(measureResult.assessmentId, row.id), eq(measureResult.measureKey, input.measureKey)))
      .get();
    if (!existing) throw notFound('That measure on this assessment');
    const cleared = { value: null, componentsJson: '{}', derivedJson: '{}', warningsJson: '[]' };
    updateAudited(ctx, measureResult, existing, cleared, {
      actorId: actor,
      patientId: row.patientId,
      entity: 'measure_result',
      reason: 'Removed from the draft',
      // Its component rows (ESAS-r symptoms) are cleared with it, inside its entry.
      beforeEntry: ({ updatedAt, updatedBy }) => {
        ctx.db
          .update(measureResult)
          .set({ ...cleared, updatedAt, updatedBy })
          .where(eq(measureResult.parentResultId, existing.id))
          .run();
      },
    });
  })();
  return getAssessment(ctx, input.assessmentId);
}
