import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { describeLimits, movementTagLabels, movementTags, type MovementTag } from '../../../../shared/clinical/session';
import type { ClearanceView } from '../../../../shared/contract/intake';
import { todayLocal } from '../../../../shared/dates';
import { formatClinicDate } from '../../../dates';
import { clearanceDecisions, type ClearanceDecision } from '../../../../shared/domain/vocabulary';
import { api } from '../../../api';
import { showApiError, showSaved } from '../../../components/forms';
import { ContactPicker, useContacts } from '../contacts';
import { blankify, clearanceColors, nullify, options, SectionScreen } from '../shared';
import { ListEditor } from './ListEditor';
import { ClinicDateInput } from '../../../components/ClinicDateInput';

const blank = {
  requestedOn: '',
  requestedFromContactId: '',
  requestedFromName: '',
  receivedOn: '',
  receivedFromContactId: '',
  receivedFromName: '',
  decision: '' as ClearanceDecision | '',
  restrictions: '',
  rpeCeiling: '' as number | '',
  hrCeiling: '' as number | '',
  avoidTags: [] as MovementTag[],
  noGroupSessions: false,
  reviewBy: '',
  notes: '',
};

const noLimits = {
  rpeCeiling: '' as const,
  hrCeiling: '' as const,
  avoidTags: [] as MovementTag[],
  noGroupSessions: false,
};

const verdictLabels = {
  may_start: 'May start sessions',
  override_required: 'Not ready: sessions need a recorded override',
  blocked: 'May not start sessions',
};

export function ClearanceSection() {
  const { contacts, reload } = useContacts();
  return (
    <SectionScreen title="Medical clearance">
      {(record, setRecord) => (
        <>
          <Paper withBorder p="lg" radius="md">
            <Stack gap="xs">
              <Title order={3} size="h4">
                Clearance today
              </Title>
              <div role="status" aria-label="Clearance status">
                <Alert color={clearanceColors[record.clearance.state]} title={record.clearance.label}>
                  {record.clearance.detail}
                </Alert>
              </div>
              <Text fw={600}>{verdictLabels[record.mayStart.verdict]}</Text>
              {record.mayStart.reasons.map((r) => (
                <Text key={r} size="sm">
                  • {r}
                </Text>
              ))}
              {record.patient.status === 'referred' &&
                (record.clearance.state === 'valid' || record.clearance.state === 'expiring') && (
                  <Alert color="blue" variant="light" title="Clearance received for a Referred patient">
                    <Group justify="space-between" align="center">
                      <Text size="sm">
                        Set {record.patient.givenName} Active from today, so sessions can be booked?
                      </Text>
                      <Button
                        size="sm"
                        onClick={() =>
                          api.intake
                            .changeStatus({
                              patientId: record.patient.id,
                              toStatus: 'active',
                              effectiveOn: todayLocal(),
                              reason: 'Medical clearance received',
                              correction: false,
                            })
                            .then((next) => {
                              setRecord(next);
                              showSaved(`${record.patient.givenName} is now Active`);
                            })
                            .catch((e: unknown) => showApiError(e))
                        }
                      >
                        Set Active
                      </Button>
                    </Group>
                  </Alert>
                )}
              <Text size="xs" c="dimmed">
                Fitness Australia calls this a request for medical guidance; the doctor may clear with or without
                restrictions, or not clear.
              </Text>
            </Stack>
          </Paper>
          <ListEditor<ClearanceView, typeof blank>
            noun="clearance"
            items={record.clearances}
            blank={blank}
            toValues={(c) => blankify(c) as typeof blank}
            describe={(c) => (
              <Stack gap={2}>
                <Text fw={600}>
                  {c.decision ? clearanceDecisions.labels[c.decision] : 'Requested, awaiting reply'}
                  {c.decision && (
                    <Badge ml="xs" color={c.decision === 'not_cleared' ? 'red' : 'teal'} variant="light">
                      {formatClinicDate(c.receivedOn)}
                    </Badge>
                  )}
                </Text>
                {c.requestedOn && (
                  <Text size="sm">
                    Requested {formatClinicDate(c.requestedOn)} from {c.requestedFromName ?? '—'}
                  </Text>
                )}
                {c.receivedOn && (
                  <Text size="sm">
                    Received {formatClinicDate(c.receivedOn)} from {c.receivedFromName ?? '—'}
                  </Text>
                )}
                {c.restrictions && <Text size="sm">Restrictions: {c.restrictions}</Text>}
                {describeLimits(c).length > 0 && <Text size="sm">Enforced: {describeLimits(c).join(' · ')}</Text>}
                {c.reviewBy && <Text size="sm">Review by {formatClinicDate(c.reviewBy)}</Text>}
              </Stack>
            )}
            fields={(form) => {
              // Marked required exactly when the contract would refuse the save without them.
              const v = form.values;
              const needs = {
                requestedFrom: v.requestedOn !== '' && v.requestedFromContactId === '',
                receivedFrom: v.receivedOn !== '' && v.receivedFromContactId === '',
                decision: v.receivedOn !== '',
                receivedOn: v.decision !== '',
                restrictions: v.decision === 'with_restrictions',
              };
              const orDirectory = 'Or choose them from the directory below';
              return (
                <>
                  <Title order={4} size="h5">
                    Request
                  </Title>
                  <SimpleGrid cols={{ base: 1, md: 2 }}>
                    <ClinicDateInput
                      label="Date requested"
                      description="Leave blank if the clearance arrived without a request from here"
                      {...form.getInputProps('requestedOn')}
                    />
                    <TextInput
                      label="Requested from (name)"
                      description={needs.requestedFrom ? orDirectory : 'If not in the directory below'}
                      required={needs.requestedFrom}
                      {...form.getInputProps('requestedFromName')}
                    />
                  </SimpleGrid>
                  <ContactPicker
                    label="Requested from"
                    contacts={contacts}
                    onContactAdded={reload}
                    defaultRole="oncologist"
                    value={form.values.requestedFromContactId}
                    error={form.errors.requestedFromContactId}
                    onChange={(v) => form.setFieldValue('requestedFromContactId', v)}
                  />
                  <Title order={4} size="h5">
                    Reply
                  </Title>
                  <SimpleGrid cols={{ base: 1, md: 2 }}>
                    <ClinicDateInput
                      label="Date received"
                      required={needs.receivedOn}
                      {...form.getInputProps('receivedOn')}
                    />
                    <TextInput
                      label="Received from (name)"
                      description={needs.receivedFrom ? orDirectory : 'If not in the directory below'}
                      required={needs.receivedFrom}
                      {...form.getInputProps('receivedFromName')}
                    />
                  </SimpleGrid>
                  <ContactPicker
                    label="Received from"
                    contacts={contacts}
                    onContactAdded={reload}
                    defaultRole="oncologist"
                    value={form.values.receivedFromContactId}
                    error={form.errors.receivedFromContactId}
                    onChange={(v) => form.setFieldValue('receivedFromContactId', v)}
                  />
                  <SimpleGrid cols={{ base: 1, md: 2 }}>
                    <NativeSelect
                      label="Decision"
                      required={needs.decision}
                      data={options(clearanceDecisions, 'No reply yet')}
                      {...form.getInputProps('decision')}
                    />
                    <ClinicDateInput label="Review or expiry date" {...form.getInputProps('reviewBy')} />
                  </SimpleGrid>
                  <Textarea
                    label="Restrictions"
                    description='Only for "Cleared with restrictions"'
                    required={needs.restrictions}
                    autosize
                    minRows={2}
                    {...form.getInputProps('restrictions')}
                  />
                  {form.values.decision === 'with_restrictions' && (
                    <Fieldset legend="Restrictions Pacewise can check (optional)">
                      <Text size="xs" c="dimmed" mb="xs">
                        Enter only what the doctor wrote. Sessions and plans that go beyond these warn and need an
                        override note.
                      </Text>
                      <SimpleGrid cols={{ base: 1, md: 2 }}>
                        <NumberInput
                          label="RPE ceiling (6–20)"
                          min={6}
                          max={20}
                          allowDecimal={false}
                          {...form.getInputProps('rpeCeiling')}
                        />
                        <NumberInput
                          label="Heart-rate ceiling (bpm)"
                          min={60}
                          max={220}
                          allowDecimal={false}
                          {...form.getInputProps('hrCeiling')}
                        />
                      </SimpleGrid>
                      <MultiSelect
                        mt="sm"
                        label="Movements to avoid"
                        searchable
                        data={movementTags.map((t) => ({ value: t, label: movementTagLabels[t] }))}
                        {...form.getInputProps('avoidTags')}
                      />
                      <Checkbox
                        mt="sm"
                        label="No group sessions"
                        {...form.getInputProps('noGroupSessions', { type: 'checkbox' })}
                      />
                    </Fieldset>
                  )}
                  <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
                </>
              );
            }}
            save={(values, id) =>
              api.intake.saveClearance({
                // Hidden unless "with restrictions": a changed decision must not carry limits it no longer shows.
                ...nullify(values.decision === 'with_restrictions' ? values : { ...values, ...noLimits }),
                patientId: record.patient.id,
                id,
              })
            }
            onSaved={setRecord}
          />
        </>
      )}
    </SectionScreen>
  );
}
