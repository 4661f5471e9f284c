import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import {
  formatNumber,
  incompleteLabel,
  incompletenessOf,
  isCustomMeasureKey,
  scoreCustomMeasure,
  scoreMeasure,
  type MeasureComponent,
  type MeasureDefinition,
  type ScoreResult,
} from '../../../shared/clinical/measures';
import type { OutcomeTestConflict } from '../../../shared/clinical/measures/testingRestrictions';
import type { MeasureResultView } from '../../../shared/contract/assessments';
import { ConflictWarning } from '../sessions/safetyPanels';
import type { Sex } from '../../../shared/domain/vocabulary';
import { showApiError } from '../../components/forms';

type FormValue = number | string | boolean | null;
type Components = Record<string, number | string | boolean | null>;

export interface ScoringPerson {
  sex: Sex;
  age: number;
  heightCm: number | null;
  weightKg: number | null;
}

const derivedLabels: Record<string, { label: string; unit?: string }> = {
  predicted_m: { label: 'Predicted distance', unit: 'm' },
  percent_predicted: { label: 'Of predicted', unit: '%' },
  balance_score: { label: 'Balance', unit: '/ 4' },
  gait_score: { label: 'Gait', unit: '/ 4' },
  chair_score: { label: 'Chair stands', unit: '/ 4' },
  gait_speed_m_s: { label: 'Gait speed', unit: 'm/s' },
  trial_1_m_s: { label: 'Trial 1', unit: 'm/s' },
  trial_2_m_s: { label: 'Trial 2', unit: 'm/s' },
  left_best: { label: 'Best left', unit: 'kg' },
  right_best: { label: 'Best right', unit: 'kg' },
  best_side: { label: 'Best hand' },
};

function clean(values: Record<string, FormValue>): Components {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v !== '' && v !== null && v !== false)
      .map(([k, v]) => [k, v]),
  ) as Components;
}

export function scoreLive(def: MeasureDefinition, components: Components, person: ScoringPerson): ScoreResult {
  if (isCustomMeasureKey(def.key)) return scoreCustomMeasure(def, components);
  return scoreMeasure(def.key, components, person);
}

export function formatValue(def: Pick<MeasureDefinition, 'decimals' | 'unit'>, value: number | null): string {
  if (value == null) return '—';
  return `${formatNumber(value, def.decimals)} ${def.unit}`;
}

function shownComponent(component: MeasureComponent, value: number | string | boolean): string {
  if (component.kind === 'boolean') return value === true ? 'Yes' : 'No';
  if (component.kind === 'choice') return component.choices?.find((c) => c.value === value)?.label ?? String(value);
  return String(value);
}

function inputLabel(component: MeasureComponent): string {
  return component.unit ? `${component.label} (${component.unit})` : component.label;
}

function ComponentInput({
  component,
  inputProps,
  disabled,
}: {
  component: MeasureComponent;
  inputProps: ReturnType<ReturnType<typeof useForm<Record<string, FormValue>>>['getInputProps']>;
  disabled: boolean;
}) {
  const label = inputLabel(component);
  if (component.kind === 'boolean') {
    return (
      <Checkbox
        label={label}
        disabled={disabled}
        checked={inputProps.value === true}
        onChange={(e) => inputProps.onChange(e.currentTarget.checked)}
        error={inputProps.error as string | undefined}
        mt="xl"
      />
    );
  }
  if (component.kind === 'choice') {
    const choices = component.choices ?? [];
    return (
      <Select
        label={label}
        disabled={disabled}
        clearable={component.optional}
        data={choices.map((c) => ({ value: String(c.value), label: c.label }))}
        value={inputProps.value == null || inputProps.value === '' ? null : String(inputProps.value)}
        onChange={(v) =>
          inputProps.onChange(v == null ? null : (choices.find((c) => String(c.value) === v)?.value ?? null))
        }
        error={inputProps.error as string | undefined}
        withAsterisk={!component.optional}
        comboboxProps={{ withinPortal: true }}
      />
    );
  }
  return (
    <NumberInput
      label={label}
      disabled={disabled}
      min={component.min}
      max={component.max}
      // Never clamp: a clinical value typed out of range must be refused and shown, not silently changed.
      clampBehavior="none"
      allowDecimal={component.kind === 'number'}
      decimalScale={component.kind === 'number' ? 2 : 0}
      withAsterisk={!component.optional}
      hideControls
      {...inputProps}
      value={(inputProps.value as number | string | null) ?? ''}
    />
  );
}

/**
 * One measure of an assessment: its administration instructions, inputs generated from its
 * components, and the score worked out live by the same function the main process applies on save.
 */
export function MeasureCard({
  def,
  result,
  person,
  locked,
  conflict,
  onSave,
  onClear,
  onDirtyChange,
}: {
  def: MeasureDefinition;
  result: MeasureResultView | undefined;
  person: ScoringPerson;
  locked: boolean;
  /** A bone-lesion restriction rules this test out: warned, and kept only with a reason. */
  conflict?: OutcomeTestConflict | undefined;
  onSave: (components: Components, overrideNote: string | null) => Promise<void>;
  onClear?: () => Promise<void>;
  /** Tells the form which measures hold typed values not yet saved, so finalising can warn. */
  onDirtyChange?: (dirty: boolean) => void;
}) {
  const [saving, setSaving] = useState(false);
  const [overrideNote, setOverrideNote] = useState(result?.overrideNote ?? '');
  // Shown while a measure is being entered; folded away once it has a saved result.
  const [showInstructions, setShowInstructions] = useState(!locked && result?.value == null);
  const form = useForm<Record<string, FormValue>>({
    initialValues: Object.fromEntries(
      def.components.map((c) => [
        c.key,
        (result?.components[c.key] ?? (c.kind === 'boolean' ? false : '')) as FormValue,
      ]),
    ),
  });
  const live = scoreLive(def, clean(form.values), person);
  const touched = Object.values(form.values).some((v) => v !== '' && v !== null && v !== false);
  const derived = Object.entries(locked && result ? result.derived : live.derived).filter(([k]) => k in derivedLabels);
  const warnings = locked && result ? result.warnings : live.warnings;
  const shownValue = locked ? (result?.value ?? null) : live.value;
  const saved = result?.value != null;
  const dirty = form.isDirty();
  const isEsas = def.key === 'esas_r';
  const incomplete = incompletenessOf(def.key, locked && result ? result.derived : live.derived);
  useEffect(() => onDirtyChange?.(dirty && !locked), [dirty, locked, onDirtyChange]);

  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    try {
      await onSave(clean(values), conflict ? overrideNote.trim() || null : null);
      form.resetDirty();
    } catch (error) {
      showApiError(error, form, { fieldPrefix: 'components.', title: `${def.shortName} not saved` });
    } finally {
      setSaving(false);
    }
  });

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label={def.name}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Title order={3} size="h4">
                {def.name}
              </Title>
              <Text size="sm" c="dimmed">
                {def.unit} · {def.better === 'higher' ? 'higher is better' : 'lower is better'}
                {def.loinc ? ` · LOINC ${def.loinc}` : ''}
              </Text>
            </div>
            <Group gap="xs">
              {def.licensed && (
                <Badge variant="light" color="grape">
                  Score only (licensed)
                </Badge>
              )}
              {saved && !dirty && !locked && (
                <Badge variant="light" color="teal">
                  Saved
                </Badge>
              )}
              {dirty && !locked && (
                <Badge variant="light" color="yellow">
                  Not saved yet
                </Badge>
              )}
            </Group>
          </Group>
          {!locked && (
            <Anchor
              component="button"
              type="button"
              size="sm"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => setShowInstructions((v) => !v)}
            >
              {showInstructions ? 'Hide instructions' : 'Show how to administer'}
            </Anchor>
          )}
          {conflict && (
            <Stack gap={4}>
              <ConflictWarning conflicts={conflict.conflicts} />
              <Text size="sm">
                {def.name}: {conflict.what}.
              </Text>
              {locked ? (
                result?.overrideNote && (
                  <Text size="sm">
                    <b>Tested despite the restriction:</b> {result.overrideNote}
                  </Text>
                )
              ) : (
                <Textarea
                  label="Why test it despite the restriction? (required)"
                  description="Or take it off this assessment and choose a test the restrictions allow."
                  autosize
                  minRows={2}
                  value={overrideNote}
                  error={form.errors.overrideNote}
                  onChange={(e) => setOverrideNote(e.currentTarget.value)}
                />
              )}
            </Stack>
          )}
          {showInstructions && !locked && (
            <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} p="sm">
              <Text size="sm">{def.instructions}</Text>
              {def.licenceNote && (
                <Text size="xs" c="dimmed" mt={4}>
                  {def.licenceNote} Pacewise stores the score only, never the questionnaire wording.
                </Text>
              )}
            </Alert>
          )}
          {locked ? (
            <SimpleGrid cols={{ base: 2, sm: isEsas ? 5 : 4 }} spacing="sm" verticalSpacing={4}>
              {def.components
                .filter((c) => result?.components[c.key] != null && result.components[c.key] !== false)
                .map((c) => (
                  <div key={c.key}>
                    <Text size="xs" c="dimmed">
                      {inputLabel(c)}
                    </Text>
                    <Text fw={600}>{shownComponent(c, result!.components[c.key]!)}</Text>
                  </div>
                ))}
            </SimpleGrid>
          ) : (
            <SimpleGrid cols={{ base: 2, sm: isEsas ? 5 : 3 }} spacing="sm" verticalSpacing="sm">
              {def.components.map((component) => (
                <ComponentInput
                  key={component.key}
                  component={component}
                  disabled={locked}
                  inputProps={form.getInputProps(component.key)}
                />
              ))}
            </SimpleGrid>
          )}
          <Group justify="space-between" align="center" wrap="wrap" gap="sm">
            <Group gap="lg" aria-live="polite" aria-label={`${def.shortName} result`} role="group">
              <Text fw={700} size="lg">
                {def.key === 'esas_r' ? 'Total' : def.key === 'handgrip' ? 'Best' : 'Result'}:{' '}
                {shownValue != null ? formatValue(def, shownValue) : touched ? 'incomplete' : '—'}
                {shownValue != null && incomplete ? ` — ${incompleteLabel(incomplete)}` : ''}
              </Text>
              {derived.map(([key, value]) => (
                <Text key={key} size="sm">
                  <Text span c="dimmed">
                    {derivedLabels[key]!.label}:
                  </Text>{' '}
                  {value}
                  {derivedLabels[key]!.unit ? ` ${derivedLabels[key]!.unit}` : ''}
                </Text>
              ))}
            </Group>
            {!locked && (
              <Group gap="sm">
                {onClear && saved && (
                  <Button variant="subtle" color="gray" onClick={() => void onClear()}>
                    Remove from this assessment
                  </Button>
                )}
                <Button type="submit" loading={saving} variant={dirty ? 'filled' : 'light'}>
                  Save {def.shortName}
                </Button>
              </Group>
            )}
          </Group>
          {!locked && touched && live.errors.length > 0 && live.value == null && (
            <Text size="sm" c="dimmed">
              To score: {live.errors.map((e) => e.message).join(' ')}
            </Text>
          )}
          {typeof (locked && result ? result.derived : live.derived).predicted_unavailable === 'string' && (
            <Text size="sm" c="dimmed">
              {String((locked && result ? result.derived : live.derived).predicted_unavailable)} Enter height and weight
              in the assessment details.
            </Text>
          )}
          {(locked && result ? result.derived : live.derived).predicted_source && (
            <Text size="xs" c="dimmed">
              Prediction: {String((locked && result ? result.derived : live.derived).predicted_source)}
            </Text>
          )}
          {warnings.map((w) => (
            <Text key={w} size="sm" c="orange">
              {w}
            </Text>
          ))}
        </Stack>
      </form>
    </Paper>
  );
}
