import { Stack, Title } from '@mantine/core';
import { PatientHeader, usePatientRecord } from '../patients/shared';
import { BackLink } from '../../components/BackLink';

/**
 * Whose record this is, with the patient's status and clearance badges: the intake workflow's
 * PatientHeader (which renders its PatientStatusBadges) fed by the 'intake.record' channel, so
 * clearance is in view on the assessments list, the editor and the progress screen.
 */
export function PatientBanner({ title, back }: { title: string; back: { to: string; label: string } }) {
  const { record } = usePatientRecord();
  return (
    <Stack gap={4}>
      <BackLink to={back.to} className="pacewise-no-print">
        {back.label}
      </BackLink>
      {record ? <PatientHeader record={record} title={title} back={false} /> : <Title order={2}>{title}</Title>}
    </Stack>
  );
}
