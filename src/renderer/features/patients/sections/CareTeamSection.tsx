import {
  Badge,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import type { CareTeamView, ReferralView } from '../../../../shared/contract/intake';
import { todayLocal } from '../../../../shared/dates';
import { formatClinicDate } from '../../../dates';
import { contactRoles, referralPriorities, type ReferralPriority } from '../../../../shared/domain/vocabulary';
import { api } from '../../../api';
import { ContactPicker, useContacts } from '../contacts';
import { blankify, nullify, options, SectionScreen } from '../shared';
import { ListEditor } from './ListEditor';
import { ClinicDateInput } from '../../../components/ClinicDateInput';

const blankReferral = {
  referredOn: '',
  referrerContactId: '',
  referrerName: '',
  reason: '',
  priority: 'routine' as ReferralPriority,
};
const blankMember = { contactId: '', isMainOncologist: false, note: '', active: true };

export function CareTeamSection() {
  const { contacts, reload } = useContacts();
  return (
    <SectionScreen title="Referral and care team">
      {(record, setRecord) => (
        <>
          <Title order={3}>Referral</Title>
          <ListEditor<ReferralView, typeof blankReferral>
            noun="referral"
            items={record.referrals}
            blank={{ ...blankReferral, referredOn: todayLocal() }}
            toValues={(r) => ({ ...blankify(r), priority: r.priority })}
            describe={(r) => (
              <Stack gap={2}>
                <Group gap="xs">
                  <Text fw={600}>Referred {formatClinicDate(r.referredOn)}</Text>
                  <Badge
                    variant="light"
                    color={r.priority === 'urgent' ? 'red' : r.priority === 'soon' ? 'yellow' : 'gray'}
                  >
                    {referralPriorities.labels[r.priority]}
                  </Badge>
                </Group>
                <Text size="sm">By {r.referrerName ?? 'referrer not recorded'}</Text>
                {r.reason && <Text size="sm">{r.reason}</Text>}
              </Stack>
            )}
            fields={(form) => (
              <>
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  <ClinicDateInput label="Referral date" withAsterisk {...form.getInputProps('referredOn')} />
                  <NativeSelect
                    label="Priority"
                    data={options(referralPriorities)}
                    {...form.getInputProps('priority')}
                  />
                </SimpleGrid>
                <ContactPicker
                  label="Referrer"
                  contacts={contacts}
                  onContactAdded={reload}
                  defaultRole="oncologist"
                  value={form.values.referrerContactId}
                  error={form.errors.referrerContactId}
                  onChange={(v) => form.setFieldValue('referrerContactId', v)}
                />
                <Textarea label="Reason for referral" autosize minRows={2} {...form.getInputProps('reason')} />
              </>
            )}
            save={(values, id) =>
              api.intake.saveReferral({
                ...nullify(values),
                patientId: record.patient.id,
                id,
                priority: values.priority,
              })
            }
            onSaved={setRecord}
          />
          <Title order={3} mt="md">
            Care team
          </Title>
          <ListEditor<CareTeamView, typeof blankMember>
            noun="care team member"
            items={record.careTeam}
            blank={blankMember}
            toValues={(m) => ({
              contactId: m.contactId,
              isMainOncologist: m.isMainOncologist,
              note: m.note ?? '',
              active: m.active,
            })}
            describe={(m) => (
              <Stack gap={2} c={m.active ? undefined : 'dimmed'}>
                <Group gap="xs">
                  <Text fw={600}>{m.fullName}</Text>
                  <Text size="sm" c="dimmed">
                    {contactRoles.labels[m.role]}
                    {m.practice ? `, ${m.practice}` : ''}
                  </Text>
                  {m.isMainOncologist && <Badge>Main oncologist</Badge>}
                  {!m.active && <Badge color="gray">No longer on the team</Badge>}
                </Group>
                <Text size="sm">
                  {[m.phone && `Phone ${m.phone}`, m.email, m.fax && `Fax ${m.fax}`].filter(Boolean).join(' · ') ||
                    'No contact details'}
                </Text>
              </Stack>
            )}
            fields={(form) => (
              <>
                <ContactPicker
                  label="Team member"
                  withAsterisk
                  contacts={contacts}
                  onContactAdded={reload}
                  value={form.values.contactId}
                  error={form.errors.contactId}
                  onChange={(v) => form.setFieldValue('contactId', v)}
                />
                <Group>
                  <Checkbox label="Main oncologist" {...form.getInputProps('isMainOncologist', { type: 'checkbox' })} />
                  <Checkbox label="On the care team" {...form.getInputProps('active', { type: 'checkbox' })} />
                </Group>
                <TextInput label="Note" {...form.getInputProps('note')} />
              </>
            )}
            save={(values, id) =>
              api.intake.saveCareTeamMember({
                patientId: record.patient.id,
                id,
                contactId: values.contactId,
                isMainOncologist: values.isMainOncologist,
                active: values.active,
                note: values.note || null,
              })
            }
            onSaved={setRecord}
          />
        </>
      )}
    </SectionScreen>
  );
}
