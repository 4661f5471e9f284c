import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title, type MantineColor } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFileTypePdf, IconPrinter, IconReportAnalytics } from '@tabler/icons-react';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { decisionLabels } from '../../../shared/clinical/session';
import type { ExportResult } from '../../../shared/contract/exports';
import { reportDefinitions, type ClinicReport, type Share } from '../../../shared/contract/reports';
import { addDays, todayLocal, type ClinicDate } from '../../../shared/dates';
import { api } from '../../api';
import { ClinicDateInput } from '../../components/ClinicDateInput';
import { showApiError } from '../../components/forms';
import { PrintStyles, usePrintInLight } from '../../components/print';
import { formatClinicDate, formatClinicInstant } from '../../dates';
import { ExportResultNote } from '../exports/ExportResultNote';
import { decisionColors } from '../sessions/badges';

type Period = { from: ClinicDate; to: ClinicDate };

const monthStart = (date: ClinicDate) => `${date.slice(0, 8)}01`;
const monthEnd = (date: ClinicDate) => addDays(monthStart(addDays(monthStart(date), 32)), -1);

/** The periods a manager or funder usually asks about, ending on whole months. */
function presets(today: ClinicDate): Array<{ key: string; label: string; period: Period }> {
  const lastMonth = addDays(monthStart(today), -1);
  const quarterStart = `${today.slice(0, 5)}${String(Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  const lastQuarterEnd = addDays(quarterStart, -1);
  const lastQuarterStart = monthStart(addDays(monthStart(addDays(monthStart(lastQuarterEnd), -1)), -1));
  return [
    { key: 'this-month', label: 'This month', period: { from: monthStart(today), to: today } },
    { key: 'last-month', label: 'Last month', period: { from: monthStart(lastMonth), to: monthEnd(lastMonth) } },
    { key: 'last-quarter', label: 'Last quarter', period: { from: lastQuarterStart, to: lastQuarterEnd } },
    { key: 'this-year', label: 'This year', period: { from: `${today.slice(0, 4)}-01-01`, to: today } },
  ];
}

const percent = (share: Share) => (share.percent === null ? '—' : `${share.percent.toFixed(1)}%`);
const rate = (value: number | null) => (value === null ? '—' : value.toFixed(1));

function Figure(props: { title: string; definition: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={props.title}>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {props.title}
        </Title>
        {props.children}
        <Text size="xs" c="dimmed">
          {props.definition}
        </Text>
      </Stack>
    </Paper>
  );
}

function Rows(props: { head: string[]; rows: Array<Array<ReactNode>>; caption: string }) {
  return (
    <Table striped withRowBorders={false} verticalSpacing={6} aria-label={props.caption}>
      <Table.Thead>
        <Table.Tr>
          {props.head.map((h, i) => (
            <Table.Th key={h} ta={i === 0 ? 'left' : 'right'}>
              {h}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.rows.map((row, r) => (
          <Table.Tr key={r}>
            {row.map((cell, i) => (
              <Table.Td key={i} ta={i === 0 ? 'left' : 'right'}>
                {cell}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Big(props: { value: ReactNode; unit?: string }) {
  return (
    <Text fz={36} fw={700} lh={1.1}>
      {props.value}
      {props.unit ? (
        <Text span fz="md" fw={500} c="dimmed" ml={6}>
          {props.unit}
        </Text>
      ) : null}
    </Text>
  );
}

function ReportFigures({ report }: { report: ClinicReport }) {
  const s = report.sessions;
  const ofBooked = (n: number) => (s.booked > 0 ? `${((n / s.booked) * 100).toFixed(1)}%` : '—');
  const walk = report.sixMinuteWalk;
  const decision = (key: 'go' | 'modify' | 'hold', color: MantineColor) => [
    <Badge key="d" color={color} variant="light">
      {decisionLabels[key]}
    </Badge>,
    report.screens[key].count,
    percent(report.screens[key]),
  ];
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <Figure title="Patients seen" definition={reportDefinitions.patientsSeen}>
        <Big value={report.patientsSeen} unit={report.patientsSeen === 1 ? 'patient' : 'patients'} />
      </Figure>
      <Figure title="Sessions" definition={reportDefinitions.sessions}>
        <Rows
          caption="Sessions"
          head={['Sessions', 'Number', 'Share of booked']}
          rows={[
            ['Booked', s.booked, s.booked > 0 ? '100%' : '—'],
            ['Attended', s.attended, ofBooked(s.attended)],
            ['Cancelled', s.cancelled, ofBooked(s.cancelled)],
            ['Did not attend', s.didNotAttend, ofBooked(s.didNotAttend)],
            ['Held for safety', s.heldForSafety, ofBooked(s.heldForSafety)],
            ['Not yet recorded', s.notYetRecorded, ofBooked(s.notYetRecorded)],
          ]}
        />
      </Figure>
      <Figure title="Pre-session safety checks" definition={reportDefinitions.screens}>
        <Rows
          caption="Pre-session safety checks"
          head={['Decision', 'Safety checks', 'Share']}
          rows={[
            decision('go', decisionColors.go),
            decision('modify', decisionColors.modify),
            decision('hold', decisionColors.hold),
            ['All safety checks', report.screens.total, report.screens.total > 0 ? '100%' : '—'],
          ]}
        />
      </Figure>
      <Figure
        title="Adverse events"
        definition={`${reportDefinitions.adverseEvents} Sessions attended in the period: ${report.adverseEvents.attendedSessions}.`}
      >
        <Rows
          caption="Adverse events by grade"
          head={['Grade', 'Events', 'Per 100 attended sessions']}
          rows={[
            ...report.adverseEvents.byGrade.map((g) => [
              g.grade === null ? 'Not yet graded' : `Grade ${g.grade}`,
              g.count,
              rate(g.per100),
            ]),
            [<b key="all">All adverse events</b>, report.adverseEvents.total, rate(report.adverseEvents.per100)],
          ]}
        />
      </Figure>
      <Figure title="Reassessments" definition={reportDefinitions.reassessments}>
        <Group gap="xl" align="flex-end">
          <div>
            <Text size="sm" c="dimmed">
              Done in the period
            </Text>
            <Big value={report.reassessments.done} />
          </div>
          <div>
            <Text size="sm" c="dimmed">
              Overdue on {formatClinicDate(report.asOf)}
            </Text>
            <Big value={report.reassessments.overdue} unit={`of ${report.reassessments.activePatients} active`} />
          </div>
        </Group>
      </Figure>
      <Figure
        title="Six-minute walk"
        definition={`${reportDefinitions.sixMinuteWalk}${walk.threshold.note ? ` ${walk.threshold.note}` : ''}`}
      >
        <Text size="sm" c="dimmed">
          Improved beyond the threshold
        </Text>
        <Big value={percent(walk.improved)} unit={`${walk.improved.count} of ${walk.patients} patients compared`} />
        <Text size="sm">
          Stable {walk.stable} · Declined beyond the threshold {walk.declined}
          {walk.notJudged > 0 ? ` · Not judged ${walk.notJudged}` : ''}
        </Text>
        <Group gap="xs">
          <Text size="sm">
            Threshold: {walk.threshold.value} {walk.threshold.unit} ({walk.threshold.source})
          </Text>
          {walk.threshold.clinicPolicy && (
            <Badge color="gray" variant="outline">
              Clinic policy, not a published MCID
            </Badge>
          )}
        </Group>
      </Figure>
    </SimpleGrid>
  );
}

/**
 * The clinic report for a period (issue 24): what a manager or funder asks for, each figure with how
 * it is counted. Printable from the window and exported as a PDF (audited).
 */
export function ReportsScreen() {
  usePrintInLight();
  const today = todayLocal();
  const options = presets(today);
  const form = useForm<Period>({ initialValues: options[1]!.period });
  const [report, setReport] = useState<ClinicReport | null>(null);
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<ExportResult | null>(null);
  const show = useCallback(
    async (period: Period) => {
      setLoading(true);
      setExported(null);
      try {
        setReport(await api.reports.clinic(period));
      } catch (error) {
        setReport(null);
        showApiError(error, form, { title: 'Could not make the report' });
      } finally {
        setLoading(false);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  useEffect(() => {
    void show(form.values);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const preset = options.find((o) => o.period.from === form.values.from && o.period.to === form.values.to)?.key ?? '';
  const exportPdf = async () => {
    if (!report) return;
    setExporting(true);
    setExported(null);
    try {
      setExported(await api.reports.exportClinicPdf({ from: report.from, to: report.to }));
    } catch (error) {
      showApiError(error, undefined, { title: 'Export failed' });
    } finally {
      setExporting(false);
    }
  };
  return (
    <Stack gap="md" maw={1200}>
      <PrintStyles />
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Reports</Title>
      </Group>
      <Paper withBorder p="md" radius="md" className="pacewise-no-print">
        <form onSubmit={form.onSubmit((values) => void show(values))} aria-label="Report period">
          <Stack gap="sm">
            <Group gap="xs" role="group" aria-label="Periods">
              {options.map((o) => (
                <Button
                  key={o.key}
                  size="sm"
                  radius="xl"
                  variant={preset === o.key ? 'filled' : 'default'}
                  aria-pressed={preset === o.key}
                  onClick={() => {
                    form.setValues(o.period);
                    form.clearErrors();
                    void show(o.period);
                  }}
                >
                  {o.label}
                </Button>
              ))}
            </Group>
            <Group align="flex-start" gap="md">
              <ClinicDateInput label="Start of the period" withAsterisk w={220} {...form.getInputProps('from')} />
              <ClinicDateInput label="End of the period" withAsterisk w={220} {...form.getInputProps('to')} />
              <Button type="submit" size="md" mt={24} loading={loading} leftSection={<IconReportAnalytics size={20} />}>
                Show report
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {report && (
        <Stack gap="md" aria-busy={loading}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <div>
              <Title order={3}>
                Clinic report: {formatClinicDate(report.from)} to {formatClinicDate(report.to)}
              </Title>
              <Text size="sm" c="dimmed">
                Counted {formatClinicInstant(report.generatedAt)}.
                {report.asOf !== report.to
                  ? ` The period has not ended: overdue reassessments are as of ${formatClinicDate(report.asOf)}.`
                  : ''}
              </Text>
            </div>
            <Group gap="sm" className="pacewise-no-print" wrap="nowrap">
              <Button
                variant="default"
                size="md"
                leftSection={<IconPrinter size={20} />}
                onClick={() => window.print()}
              >
                Print
              </Button>
              <Button
                variant="default"
                size="md"
                leftSection={<IconFileTypePdf size={20} />}
                loading={exporting}
                onClick={exportPdf}
              >
                Export PDF
              </Button>
            </Group>
          </Group>
          <div className="pacewise-no-print">
            <ExportResultNote result={exported} />
          </div>
          <ReportFigures report={report} />
        </Stack>
      )}
    </Stack>
  );
}
