import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { todayLocal } from '../../../shared/dates';
import { formatClinicDate } from '../../dates';
import { api } from '../../api';
import { PrintStyles, usePrintInLight } from '../../components/print';
import { ComparisonTable } from './ComparisonTable';
import { DrawAllWhenPrinting, usePrintWithCharts } from './DrawWhenNear';
import { useLoad } from './hooks';
import { PatientBanner } from './PatientBanner';
import { ProgressChartsView } from './ProgressChartsView';
import { ScheduleBadge } from './ScheduleBadge';

/** Change against the MCID for every measure, and the charts, for one patient. */
export function ProgressScreen() {
  return (
    <DrawAllWhenPrinting>
      <ProgressContent />
    </DrawAllWhenPrinting>
  );
}

function ProgressContent() {
  const { patientId = '' } = useParams();
  usePrintInLight();
  const print = usePrintWithCharts();
  const overview = useLoad(() => api.progress.overview({ patientId }), [patientId], 'the progress');
  const list = useLoad(() => api.assessments.list({ patientId }), [patientId], 'the schedule');
  return (
    <Stack gap="lg">
      <PrintStyles />
      <PatientBanner title="Progress" back={{ to: `/patients/${patientId}/assessments`, label: 'Assessments' }} />
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ flex: 1 }}>
          <Text size="sm" c="dimmed">
            As of {formatClinicDate(todayLocal())}. Verdicts compare the change with each measure’s MCID and better
            direction; sources are given beside each one. Baseline is the finalised baseline assessment; a measure first
            taken later is compared from its first recorded value.
          </Text>
        </div>
        <Button
          variant="default"
          leftSection={<IconPrinter size={20} />}
          onClick={print}
          className="pacewise-no-print"
          style={{ flexShrink: 0 }}
        >
          Print
        </Button>
      </Group>
      {list.value && <ScheduleBadge schedule={list.value.schedule} />}
      <Title order={3}>Comparison</Title>
      {overview.value && <ComparisonTable rows={overview.value.comparison.rows} />}
      {overview.value && <ProgressChartsView charts={overview.value.charts} />}
    </Stack>
  );
}
