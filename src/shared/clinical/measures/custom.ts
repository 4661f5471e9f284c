import type { CustomMeasureKey, MeasureDefinition } from './catalog';
import type { ScoreResult } from './scoring';

/** What the clinic records about a measure of its own (Settings → Outcome measures). */
export interface CustomMeasureSpec {
  id: string;
  name: string;
  unit: string;
  better: 'higher' | 'lower';
  /** Smallest change the clinic counts as meaningful; `null` when it knows of none. */
  mcid: number | null;
  /** Where the MCID comes from, quoted beside every verdict. */
  source: string | null;
  decimals: number;
  rangeMin: number;
  rangeMax: number;
  instructions: string | null;
}

export const customMeasureKey = (id: string): CustomMeasureKey => `custom.${id}`;

export function isCustomMeasureKey(key: string): key is CustomMeasureKey {
  return key.startsWith('custom.') && key.length > 'custom.'.length;
}

/**
 * A clinic-defined measure as a full definition, so the same verdict and chart code serves it. It
 * has one component, the value itself; no cut-offs or norms are invented for it.
 */
export function customMeasureDefinition(spec: CustomMeasureSpec): MeasureDefinition {
  return {
    key: customMeasureKey(spec.id),
    name: spec.name,
    shortName: spec.name,
    unit: spec.unit,
    better: spec.better,
    decimals: spec.decimals,
    range: { min: spec.rangeMin, max: spec.rangeMax },
    mcid:
      spec.mcid == null
        ? null
        : { value: spec.mcid, kind: 'mcid', source: spec.source?.trim() || 'clinic-defined, no source given' },
    mcidGap: spec.mcid == null ? 'The clinic has not set an MCID for this measure.' : null,
    cutoffs: [],
    norms: [],
    loinc: null,
    loincNote: null,
    instructions: spec.instructions ?? 'Clinic-defined measure: record the value as your clinic protocol describes.',
    licensed: false,
    licenceNote: null,
    components: [
      {
        key: 'value',
        label: spec.name,
        unit: spec.unit,
        kind: spec.decimals === 0 ? 'integer' : 'number',
        min: spec.rangeMin,
        max: spec.rangeMax,
        optional: false,
      },
    ],
    parent: null,
  };
}

/** Scores a custom measure: the value as entered, checked against its range and decimals. */
export function scoreCustomMeasure(def: MeasureDefinition, components: Record<string, unknown>): ScoreResult {
  const raw = components.value;
  const label = def.name;
  if (raw == null || raw === '') {
    return { value: null, derived: {}, errors: [{ field: 'value', message: `${label} is required.` }], warnings: [] };
  }
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    return {
      value: null,
      derived: {},
      errors: [{ field: 'value', message: `${label} must be a number.` }],
      warnings: [],
    };
  }
  if (def.decimals === 0 && !Number.isInteger(raw)) {
    return {
      value: null,
      derived: {},
      errors: [{ field: 'value', message: `${label} must be a whole number.` }],
      warnings: [],
    };
  }
  const unit = def.unit ? ` ${def.unit}` : '';
  if (raw < def.range.min || raw > def.range.max) {
    return {
      value: null,
      derived: {},
      errors: [{ field: 'value', message: `${label} must be ${def.range.min}–${def.range.max}${unit}.` }],
      warnings: [],
    };
  }
  return { value: raw, derived: {}, errors: [], warnings: [] };
}
