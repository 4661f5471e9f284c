import { NumberInput } from '@mantine/core';
import {
  afterRanges,
  entryRanges,
  screenRanges,
  symptomRanges,
  type NumberRange,
} from '../../../shared/contract/sessions';
import type { AfterField, EntryNumberField, Num, ScreenNumberField } from './draft';

export { afterRanges, entryRanges };

// Labels are the screen's own; every range comes from the contract that validates the save.
export const screenFieldRanges: Record<ScreenNumberField, NumberRange> = { ...screenRanges, ...symptomRanges };
export const vitalInputs: Array<[ScreenNumberField, string]> = [
  ['restingHr', 'Resting HR (bpm)'],
  ['sbp', 'Systolic BP (mmHg)'],
  ['dbp', 'Diastolic BP (mmHg)'],
  ['spo2', 'SpO₂ (%)'],
  ['temperatureC', 'Temperature (°C)'],
  ['standingSbp', 'Standing SBP (optional)'],
  ['standingDbp', 'Standing DBP (optional)'],
];
export const bloodInputs: Array<[ScreenNumberField, string]> = [
  ['haemoglobinGL', 'Haemoglobin (g/L)'],
  ['plateletsX109', 'Platelets (×10⁹/L)'],
  ['neutrophilsX109', 'Neutrophils (×10⁹/L)'],
  ['glucoseMmol', 'Glucose (mmol/L)'],
];
export const symptomInputs: Array<[ScreenNumberField, string]> = [
  ['fatigue0to10', 'Fatigue (0–10)'],
  ['pain0to10', 'Pain (0–10)'],
  ['breathlessness0to10', 'Breathlessness (0–10)'],
  ['nausea0to10', 'Nausea (0–10)'],
  ['sleepQuality0to10', 'Sleep quality (0–10)'],
  ['energy0to10', 'Energy (0–10)'],
];
export const entryInputs: Array<[EntryNumberField, string]> = [
  ['sets', 'Sets'],
  ['reps', 'Reps'],
  ['loadKg', 'Load kg'],
  ['durationMin', 'Minutes'],
  ['rpe', 'RPE'],
  ['peakHr', 'Peak HR'],
  ['spo2', 'SpO₂'],
  ['painChange', 'Pain ±'],
];
export const afterInputs: Array<[AfterField, string]> = [
  ['restingHr', 'Heart rate after (bpm)'],
  ['sbp', 'Systolic BP after'],
  ['dbp', 'Diastolic BP after'],
  ['spo2', 'SpO₂ after (%)'],
  ['rpeOverall', 'Session RPE (6–20)'],
  ['fatigue', 'Fatigue after (0–10)'],
  ['pain', 'Pain after (0–10)'],
];

/** A number input that keeps what was typed (no clamping): main refuses an impossible value, naming the field. */
export function NumberField(props: {
  label: string;
  value: Num;
  min: number;
  max: number;
  decimals?: number;
  error?: string | undefined;
  size?: 'sm' | 'md';
  logField?: boolean;
  required?: boolean;
  description?: string | undefined;
  onChange(value: Num): void;
}) {
  return (
    <NumberInput
      label={props.label}
      withAsterisk={props.required}
      description={props.description}
      data-log-field={props.logField ? '' : undefined}
      value={props.value}
      min={props.min}
      max={props.max}
      decimalScale={props.decimals ?? 0}
      hideControls
      clampBehavior="none"
      size={props.size ?? 'md'}
      error={props.error}
      onChange={(v) => props.onChange(v === '' ? '' : Number(v))}
    />
  );
}
