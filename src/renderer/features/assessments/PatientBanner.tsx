import { Anchor, Group, Stack, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PatientHeader, usePatientRecord } from '../patients/shared';

/**
 * Whose record this is, with the patient's status and clearance badges: the intake workflow's
 * PatientHeader (which renders its PatientStatusBadges) fed by the 'intake.record' channel, so
 * clearance is in view on the assessments list, the editor and the progress screen.
 */
export function PatientBanner({ title, back }: { title: string; back: { to: string; label: string } }) {
  const { record } = usePatientRecord();
  return (
    <Stack gap={4}>
      <Anchor component={Link} to={back.to} size="sm" className="pacewise-no-print">
        <Group gap={4}>
          <IconArrowLeft size={16} /> {back.label}
        </Group>
      </Anchor>
      {record ? <PatientHeader record={record} title={title} back={false} /> : <Title order={2}>{title}</Title>}
    </Stack>
  );
}
