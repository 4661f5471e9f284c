import {
  Alert,
  Badge,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import {
  defaultMirelsSite,
  fractureScoreFor,
  mirelsItems,
  mirelsScore,
  mirelsSitesFor,
  sinsItems,
  sinsLocationsFor,
  sinsScore,
  type FractureScoreKind,
  type MirelsSite,
  type SinsLocation,
} from '../../../../shared/clinical/intake/fractureRisk';
import type { BoneLesionView } from '../../../../shared/contract/intake';
import { formatClinicDate } from '../../../dates';
import {
  boneLesionSites,
  lesionTypes,
  weightBearingStatuses,
  type BoneLesionSite,
  type LesionType,
  type WeightBearingStatus,
} from '../../../../shared/domain/vocabulary';
import { api } from '../../../api';
import { nullify, options, SectionScreen } from '../shared';
import { ListEditor } from './ListEditor';
import { ClinicDateInput } from '../../../components/ClinicDateInput';

const blankMirels = { site: '', lesion: '', size: '', pain: '' };
const blankSins = { location: '', pain: '', lesion: '', alignment: '', collapse: '', posterolateral: '' };
const blank = {
  site: '' as BoneLesionSite | '',
  side: '' as 'left' | 'right' | 'midline' | 'bilateral' | '',
  location: '',
  lesionType: '' as LesionType | '',
  radiotherapy: false,
  radiotherapyOn: '',
  surgery: false,
  surgeryOn: '',
  weightBearing: 'unknown' as WeightBearingStatus,
  mirels: blankMirels,
  sins: blankSins,
  notes: '',
  active: true,
};
type Values = typeof blank;

const bandColor: Record<string, string> = {
  low: 'teal',
  borderline: 'yellow',
  high: 'red',
  stable: 'teal',
  potentially_unstable: 'orange',
  unstable: 'red',
};

function itemOptions(
  item: { options: Record<string, { label: string; points: number }> },
  only?: readonly string[],
  current?: string,
) {
  return [
    { value: '', label: 'Not yet known' },
    ...Object.entries(item.options)
      // A stored choice that no longer fits stays visible (and is refused on save) rather than vanishing.
      .filter(([value]) => !only || only.includes(value) || value === current)
      .map(([value, o]) => ({
        value,
        label: `${o.label} (${o.points})${only && !only.includes(value) ? ' — does not fit this site' : ''}`,
      })),
  ];
}

/** Only the Mirels site and SINS location options that fit the lesion's own site (and named level) are offered. */
function fittingOptions(values: Values, kind: FractureScoreKind, key: string): readonly string[] | undefined {
  if (!values.site) return undefined;
  if (kind === 'mirels' && key === 'site') return mirelsSitesFor(values.site);
  if (kind === 'sins' && key === 'location') return sinsLocationsFor(values.site, values.location);
  return undefined;
}

/**
 * After the site or level changes: keep a chosen option that still fits, pick the only fitting one,
 * or otherwise clear it so the clinician chooses again.
 */
function fitScoreSite(form: UseFormReturnType<Values>, site: BoneLesionSite | '', location: string) {
  if (!site) return;
  const mirelsAllowed: readonly MirelsSite[] = mirelsSitesFor(site);
  const mirelsNow = form.values.mirels.site as MirelsSite | '';
  if (!mirelsNow || !mirelsAllowed.includes(mirelsNow)) {
    form.setFieldValue('mirels.site', defaultMirelsSite(site) ?? (mirelsAllowed.length === 1 ? mirelsAllowed[0]! : ''));
  }
  if (fractureScoreFor(site) !== 'sins') return;
  const sinsAllowed: readonly SinsLocation[] = sinsLocationsFor(site, location);
  const sinsNow = form.values.sins.location as SinsLocation | '';
  if (sinsNow && sinsAllowed.includes(sinsNow)) return;
  form.setFieldValue('sins.location', sinsAllowed.length === 1 ? sinsAllowed[0]! : '');
}

function kindFor(values: Values): FractureScoreKind | null {
  if (!values.site) return null;
  const kind = fractureScoreFor(values.site);
  if (kind || values.site !== 'other') return kind;
  if (Object.values(values.sins).some(Boolean)) return 'sins';
  return 'mirels';
}

/** The live score: recomputed from the components as they are chosen, with its band and source. */
function ScorePanel(props: { form: UseFormReturnType<Values> }) {
  const { form } = props;
  const kind = kindFor(form.values);
  if (!kind) {
    return (
      <Text c="dimmed" size="sm">
        {form.values.site
          ? 'No validated fracture-risk score for this site.'
          : 'Choose the site to see which fracture-risk score applies.'}
      </Text>
    );
  }
  const items = kind === 'mirels' ? mirelsItems : sinsItems;
  const result =
    kind === 'mirels'
      ? mirelsScore(nullify(form.values.mirels) as never)
      : sinsScore(nullify(form.values.sins) as never);
  const name = kind === 'mirels' ? 'Mirels' : 'SINS';
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={4} size="h5">
          {name} score {kind === 'mirels' ? '(long bones)' : '(spine)'}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {Object.entries(items).map(([key, item]) => (
            <NativeSelect
              key={key}
              size="md"
              label={`${name} ${item.label.toLowerCase()}`}
              data={itemOptions(
                item,
                fittingOptions(form.values, kind, key),
                (form.values[kind] as Record<string, string>)[key],
              )}
              {...form.getInputProps(`${kind}.${key}`)}
            />
          ))}
        </SimpleGrid>
        <div role="status" aria-label={`${name} result`}>
          <Alert
            variant="light"
            color={result.band ? bandColor[result.band.key] : 'gray'}
            title={
              result.total !== null
                ? `${name} ${result.total} — ${result.band!.label} (${result.band!.range})`
                : `${name} incomplete: at least ${result.subtotal}, missing ${result.missing.length} of ${Object.keys(items).length}`
            }
          >
            <Stack gap={4}>
              {result.band && <Text size="sm">{result.band.meaning}</Text>}
              {'surgicalOpinionWarranted' in result && result.surgicalOpinionWarranted && result.total === null && (
                <Text size="sm" fw={600}>
                  Already 7 or more: a surgical opinion is warranted.
                </Text>
              )}
              {'notes' in result &&
                result.notes.map((note) => (
                  <Text key={note} size="xs">
                    {note}
                  </Text>
                ))}
              <Text size="xs" c="dimmed">
                Source: {result.source}
              </Text>
            </Stack>
          </Alert>
        </div>
      </Stack>
    </Paper>
  );
}

export function BoneLesionsSection() {
  return (
    <SectionScreen title="Bone lesions">
      {(record, setRecord) => (
        <ListEditor<BoneLesionView, Values>
          noun="bone lesion"
          items={record.boneLesions}
          blank={blank}
          toValues={(l) => ({
            site: l.site,
            side: (l.side ?? '') as Values['side'],
            location: l.location ?? '',
            lesionType: l.lesionType ?? '',
            radiotherapy: l.radiotherapy,
            radiotherapyOn: l.radiotherapyOn ?? '',
            surgery: l.surgery,
            surgeryOn: l.surgeryOn ?? '',
            weightBearing: l.weightBearing,
            mirels: {
              ...blankMirels,
              ...Object.fromEntries(Object.entries(l.mirels ?? {}).map(([k, v]) => [k, v ?? ''])),
            },
            sins: { ...blankSins, ...Object.fromEntries(Object.entries(l.sins ?? {}).map(([k, v]) => [k, v ?? ''])) },
            notes: l.notes ?? '',
            active: l.active,
          })}
          describe={(l) => {
            const r = l.score?.result;
            return (
              <Stack gap={2} c={l.active ? undefined : 'dimmed'}>
                <Group gap="xs">
                  <Text fw={600}>
                    {boneLesionSites.labels[l.site]}
                    {l.location ? ` (${l.location})` : ''}
                    {l.lesionType ? ` — ${lesionTypes.labels[l.lesionType].toLowerCase()}` : ''}
                  </Text>
                  {l.score && r && (
                    <Badge
                      color={r.band ? bandColor[r.band.key] : 'gray'}
                      variant="light"
                      style={{ textTransform: 'none' }}
                    >
                      {l.score.kind === 'mirels' ? 'Mirels' : 'SINS'}{' '}
                      {r.total !== null ? `${r.total} · ${r.band!.label}` : 'incomplete'}
                    </Badge>
                  )}
                  {!l.active && <Badge color="gray">Inactive</Badge>}
                </Group>
                <Text size="sm">
                  {l.weightBearing === 'unknown'
                    ? 'Weight-bearing not stated'
                    : weightBearingStatuses.labels[l.weightBearing]}
                  {l.radiotherapy
                    ? ` · radiotherapy ${l.radiotherapyOn ? formatClinicDate(l.radiotherapyOn) : ''}`
                    : ''}
                  {l.surgery ? ` · surgery ${l.surgeryOn ? formatClinicDate(l.surgeryOn) : ''}` : ''}
                </Text>
              </Stack>
            );
          }}
          fields={(form) => (
            <>
              <SimpleGrid cols={{ base: 2, md: 4 }}>
                <NativeSelect
                  size="md"
                  label="Lesion site"
                  withAsterisk
                  data={options(boneLesionSites, 'Choose…')}
                  {...form.getInputProps('site')}
                  onChange={(e) => {
                    const site = e.currentTarget.value as BoneLesionSite | '';
                    form.setFieldValue('site', site);
                    fitScoreSite(form, site, form.values.location);
                  }}
                />
                <TextInput
                  label="Level or part of the bone"
                  placeholder="e.g. L3 vertebral body"
                  {...form.getInputProps('location')}
                  onChange={(e) => {
                    const location = e.currentTarget.value;
                    form.setFieldValue('location', location);
                    fitScoreSite(form, form.values.site, location);
                  }}
                />
                <NativeSelect
                  size="md"
                  label="Side"
                  data={[
                    { value: '', label: '—' },
                    { value: 'left', label: 'Left' },
                    { value: 'right', label: 'Right' },
                    { value: 'midline', label: 'Midline' },
                    { value: 'bilateral', label: 'Bilateral' },
                  ]}
                  {...form.getInputProps('side')}
                />
                <NativeSelect
                  size="md"
                  label="Lesion type"
                  data={options(lesionTypes, 'Not yet known')}
                  {...form.getInputProps('lesionType')}
                  onChange={(e) => {
                    const type = e.currentTarget.value as LesionType | '';
                    form.setFieldValue('lesionType', type);
                    if (type && !form.values.mirels.lesion) form.setFieldValue('mirels.lesion', type);
                    if (type && !form.values.sins.lesion) form.setFieldValue('sins.lesion', type);
                  }}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 2, md: 3 }}>
                <NativeSelect
                  size="md"
                  label="Weight-bearing status"
                  data={options(weightBearingStatuses)}
                  {...form.getInputProps('weightBearing')}
                />
                <ClinicDateInput label="Radiotherapy date" {...form.getInputProps('radiotherapyOn')} />
                <ClinicDateInput label="Surgery date" {...form.getInputProps('surgeryOn')} />
              </SimpleGrid>
              <Group gap="xl">
                <Checkbox
                  label="Radiotherapy to this lesion"
                  {...form.getInputProps('radiotherapy', { type: 'checkbox' })}
                />
                <Checkbox label="Surgery to this lesion" {...form.getInputProps('surgery', { type: 'checkbox' })} />
                <Checkbox label="Lesion active" {...form.getInputProps('active', { type: 'checkbox' })} />
              </Group>
              <ScorePanel form={form} />
              <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
            </>
          )}
          save={(values, id) => {
            const kind = kindFor(values);
            return api.intake.saveBoneLesion({
              ...nullify(values),
              patientId: record.patient.id,
              id,
              site: values.site as BoneLesionSite,
              radiotherapy: values.radiotherapy,
              surgery: values.surgery,
              active: values.active,
              mirels: kind === 'mirels' ? (nullify(values.mirels) as never) : null,
              sins: kind === 'sins' ? (nullify(values.sins) as never) : null,
            });
          }}
          onSaved={setRecord}
        />
      )}
    </SectionScreen>
  );
}
