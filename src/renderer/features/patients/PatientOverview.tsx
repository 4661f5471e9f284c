import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconChevronRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { skeletalRiskNote } from '../../../shared/clinical/intake/skeletalRisk';
import type { IntakeRecord } from '../../../shared/contract/intake';
import { daysBetween } from '../../../shared/dates';
import { formatClinicDate } from '../../dates';
import {
  contactRoles,
  goalCategories,
  goalStatuses,
  metastaticSites,
  treatmentTypes,
} from '../../../shared/domain/vocabulary';
import { assessmentsPatientSections } from '../assessments/patientSections';
import { PatientExportButton } from '../exports/PatientExportButton';
import { PatientFhirExportButton } from '../exports/PatientFhirExportButton';
import { historyPatientSections } from '../history/patientSections';
import { lettersPatientSections } from '../letters/patientSections';
import { sessionsPatientSections } from '../sessions/patientSections';
import { ClinicPolicyBadge } from '../sessions/safetyPanels';
import { intakeSections } from './intakeSections';
import type { PatientSection } from './sections';
import { clearanceBadgeLook, cycleDayText, Loading, PatientHeader, usePatientRecord } from './shared';

const riskColors = { none: 'gray', low: 'teal', unscored: 'yellow', moderate: 'orange', high: 'red' } as const;

function Card(props: { title: string; to?: string; children: ReactNode; label?: string }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={props.label ?? props.title}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {props.title}
        </Title>
        {props.to && (
          <Anchor
            component={Link}
            to={props.to}
            size="sm"
            fw={500}
            aria-label={`Edit ${props.title.toLowerCase()}`}
            // A 40 px target without moving the word: the padding is taken back by the margin.
            style={{
              display: 'inline-flex',
              alignItems: 'center',
              minHeight: 40,
              padding: '0 10px',
              margin: '-10px -10px',
            }}
          >
            Edit
          </Anchor>
        )}
      </Group>
      {props.children}
    </Paper>
  );
}

function Alerts({ record }: { record: IntakeRecord }) {
  const alerts: Array<{ color: string; title: string; body?: ReactNode }> = [];
  const { mayStart } = record;
  if (mayStart.verdict !== 'may_start') {
    alerts.push({
      color: mayStart.verdict === 'blocked' ? 'red' : 'orange',
      title: mayStart.verdict === 'blocked' ? 'May not start supervised sessions' : 'Not ready for supervised sessions',
      body: mayStart.reasons.join(' '),
    });
  }
  if (record.openRedFlags > 0 || record.openAdverseEvents > 0) {
    alerts.push({
      color: 'red',
      title: `Open ${record.openRedFlags > 0 ? `red flag${record.openRedFlags > 1 ? 's' : ''}` : ''}${record.openRedFlags > 0 && record.openAdverseEvents > 0 ? ' and ' : ''}${record.openAdverseEvents > 0 ? `adverse event${record.openAdverseEvents > 1 ? 's' : ''}` : ''}`,
      body:
        record.ungradedAdverseEvents > 0
          ? `Grade needed: ${record.ungradedAdverseEvents} incident${record.ungradedAdverseEvents > 1 ? 's have' : ' has'} no grade yet. Choose the grade and write what was done under Sessions and adherence → Adverse events.`
          : undefined,
    });
  }
  for (const alert of record.alerts) {
    alerts.push({
      color: alert.color,
      title: alert.title,
      body: alert.clinicPolicy ? (
        <>
          {alert.body} <ClinicPolicyBadge />
        </>
      ) : (
        alert.body
      ),
    });
  }
  if (record.reassessmentDueOn) {
    const days = daysBetween(record.today, record.reassessmentDueOn);
    if (days < 0)
      alerts.push({
        color: 'orange',
        title: `Reassessment overdue since ${formatClinicDate(record.reassessmentDueOn)}`,
      });
    else if (days <= 7)
      alerts.push({ color: 'yellow', title: `Reassessment due ${formatClinicDate(record.reassessmentDueOn)}` });
  }
  if (record.details.interpreterNeeded) {
    alerts.push({
      color: 'blue',
      title: `Needs an interpreter${record.details.preferredLanguage ? ` (${record.details.preferredLanguage})` : ''}`,
    });
  }
  if (alerts.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-label="Alerts">
      {alerts.map((a) => (
        <Alert
          key={a.title}
          color={a.color}
          variant="light"
          icon={<IconAlertTriangle size={20} />}
          title={a.title}
          p="sm"
        >
          {a.body}
        </Alert>
      ))}
    </Stack>
  );
}

/** "Breast cancer, stage IV · metastatic: brain, bone": the first thing a clinician asks. */
function diagnosisLine(d: IntakeRecord['diagnoses'][number]): string {
  const sites = d.metastaticSites.map((site) =>
    site === 'other' && d.otherMetastaticSites ? d.otherMetastaticSites : metastaticSites.labels[site].toLowerCase(),
  );
  const primary = /cancer|carcinoma|oma\b|leuk/i.test(d.primarySite) ? d.primarySite : `${d.primarySite} cancer`;
  return `${primary}${d.histology ? ` (${d.histology})` : ''}${d.stage ? `, stage ${d.stage}` : ''}${
    sites.length > 0 ? ` · metastatic: ${sites.join(', ')}` : ''
  }`;
}

function SectionLinks(props: { patientId: string; sections: PatientSection[]; title: string }) {
  if (props.sections.length === 0) return null;
  return (
    <nav aria-label={props.title}>
      <Text fw={600} size="sm" c="dimmed" mb={6}>
        {props.title}
      </Text>
      <SimpleGrid cols={{ base: 2, lg: 3 }} spacing="xs">
        {props.sections.map((s) => (
          <UnstyledButton
            key={s.path}
            component={Link}
            to={`/patients/${props.patientId}/${s.path}`}
            p="sm"
            style={{
              border: '1px solid var(--mantine-color-default-border)',
              borderRadius: 'var(--mantine-radius-md)',
              // Tiles in a row share the tallest one's height; keep every label on the same middle line.
              display: 'flex',
              alignItems: 'center',
              minHeight: 48,
            }}
          >
            <Group gap="sm" wrap="nowrap" style={{ flex: 1 }}>
              {s.icon && <s.icon size={22} stroke={1.6} />}
              <Text fw={500} style={{ flex: 1 }}>
                {s.label}
              </Text>
              <IconChevronRight size={18} />
            </Group>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </nav>
  );
}

export function PatientOverview() {
  const { record } = usePatientRecord();
  if (!record) return <Loading />;
  const base = `/patients/${record.patient.id}`;
  const current = record.treatments.filter((t) => t.activeToday);
  const mainOncologist = record.careTeam.find((m) => m.isMainOncologist && m.active);
  return (
    <Stack gap="lg" maw={1200}>
      <PatientHeader record={record} back={false} />
      <Text size="sm" c="dimmed">
        {record.leadClinician ? `Lead clinician ${record.leadClinician.fullName}` : 'No lead clinician assigned'}
        {mainOncologist ? ` · Main oncologist ${mainOncologist.fullName}` : ''}
      </Text>
      {record.diagnoses.length > 0 && (
        <Text fw={600} aria-label="Cancer diagnosis">
          {record.diagnoses.map(diagnosisLine).join('; ')}
        </Text>
      )}
      <Alerts record={record} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card title="Clearance" to={`${base}/clearance`}>
          <Stack gap={4}>
            <Group gap="xs">
              <Badge {...clearanceBadgeLook(record.clearance.state)} size="lg">
                {record.clearance.label}
              </Badge>
            </Group>
            <Text size="sm">{record.clearance.detail}</Text>
          </Stack>
        </Card>
        <Card title="Skeletal risk" to={`${base}/bone-lesions`}>
          <Stack gap={4}>
            <Group gap="xs">
              <Badge color={riskColors[record.skeletalRisk.level]} size="lg" style={{ textTransform: 'none' }}>
                {record.skeletalRisk.level === 'none' || record.skeletalRisk.level === 'unscored'
                  ? record.skeletalRisk.label
                  : `${record.skeletalRisk.label} skeletal risk`}
              </Badge>
            </Group>
            {record.skeletalRisk.lines.map((line) => (
              <Text key={line.id} size="sm">
                • {line.reason}
              </Text>
            ))}
            {record.skeletalRisk.lines.length > 0 && (
              <Text size="xs" c="dimmed">
                {skeletalRiskNote.text} Sources: {skeletalRiskNote.source}.
              </Text>
            )}
          </Stack>
        </Card>
        <Card title="Current treatment" to={`${base}/treatments`}>
          {current.length === 0 ? (
            <Text size="sm" c="dimmed">
              No current treatment recorded.
            </Text>
          ) : (
            <Stack gap={4}>
              {current.map((t) => (
                <Group key={t.id} gap="xs">
                  <Text size="sm" fw={600}>
                    {treatmentTypes.labels[t.type]}: {t.regimen}
                  </Text>
                  {t.cycleDayToday && (
                    <Badge color="grape" variant="light" style={{ textTransform: 'none' }}>
                      {cycleDayText(t.cycleDayToday)}
                    </Badge>
                  )}
                </Group>
              ))}
            </Stack>
          )}
        </Card>
        <Card title="Goals" to={`${base}/goals`}>
          {record.goals.length === 0 ? (
            <Text size="sm" c="dimmed">
              No goals yet.
            </Text>
          ) : (
            <Stack gap={4}>
              {record.goals.map((g) => (
                <Text key={g.id} size="sm">
                  “{g.inOwnWords}” — {goalCategories.labels[g.category]}, {goalStatuses.labels[g.status].toLowerCase()}
                  {g.targetDate ? `, by ${formatClinicDate(g.targetDate)}` : ''}
                </Text>
              ))}
            </Stack>
          )}
        </Card>
        <Card title="Care team" to={`${base}/referral`}>
          {record.careTeam.filter((m) => m.active).length === 0 ? (
            <Text size="sm" c="dimmed">
              No care team recorded.
            </Text>
          ) : (
            <Stack gap={4}>
              {record.careTeam
                .filter((m) => m.active)
                .map((m) => (
                  <Text key={m.id} size="sm">
                    <b>{m.fullName}</b> — {m.isMainOncologist ? 'Main oncologist' : contactRoles.labels[m.role]}
                    {m.phone ? ` · ${m.phone}` : ''}
                  </Text>
                ))}
            </Stack>
          )}
        </Card>
        <Card title="Contact" to={`${base}/details`}>
          <Stack gap={4}>
            <Text size="sm">{record.details.phone ?? 'No phone recorded'}</Text>
            <Text size="sm">
              Emergency contact:{' '}
              {record.details.emergencyContactName
                ? `${record.details.emergencyContactName}${record.details.emergencyContactRelationship ? ` (${record.details.emergencyContactRelationship})` : ''}${record.details.emergencyContactPhone ? ` · ${record.details.emergencyContactPhone}` : ''}`
                : 'not recorded'}
            </Text>
          </Stack>
        </Card>
      </SimpleGrid>
      <SectionLinks patientId={record.patient.id} sections={intakeSections} title="Intake" />
      <SectionLinks patientId={record.patient.id} sections={sessionsPatientSections} title="Sessions" />
      <SectionLinks patientId={record.patient.id} sections={assessmentsPatientSections} title="Reassessment" />
      <SectionLinks patientId={record.patient.id} sections={lettersPatientSections} title="Letters" />
      <SectionLinks patientId={record.patient.id} sections={historyPatientSections} title="Record" />
      <PatientExportButton patientId={record.patient.id} />
      <PatientFhirExportButton patientId={record.patient.id} />
    </Stack>
  );
}
