import { Badge, Group, Paper, Progress, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { attendanceByMonth, RECENT_WEEKS, recentSessions } from '../../../shared/clinical/attendance';
import { addDays, daysBetween, todayLocal } from '../../../shared/dates';
import { formatNumber, incompleteLabel } from '../../../shared/clinical/measures';
import type { MeasureSeries, ProgressCharts } from '../../../shared/contract/assessments';
import { formatClinicDate } from '../../dates';
import { LineChart, StackedBarChart, type Row } from './Charts';
import { DrawWhenNear } from './DrawWhenNear';
import { goalCategories, goalStatuses } from '../../../shared/domain/vocabulary';

function ChartFigure({
  title,
  caption,
  children,
}: {
  title: string;
  caption?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" component="figure" m={0} aria-label={title} style={{ breakInside: 'avoid' }}>
      <Title order={4} size="h5" mb="xs">
        {title}
      </Title>
      {children}
      {caption && (
        <Text component="figcaption" size="xs" c="dimmed" mt="xs">
          {caption}
        </Text>
      )}
    </Paper>
  );
}

/** A point's provenance and completeness, as the caption lists them: "(patient check-in, incomplete …)". */
function pointNotes(p: MeasureSeries['points'][number]): string {
  const notes = [
    p.kind === 'patient_reported' ? 'patient check-in' : null,
    p.incomplete ? incompleteLabel(p.incomplete) : null,
  ].filter(Boolean);
  return notes.length > 0 ? ` (${notes.join(', ')})` : '';
}

/** One measure over time: the baseline as a line and the band within one MCID of it shaded. */
function MeasureChart({ series }: { series: MeasureSeries }) {
  const data = series.points.map((p) => ({ date: formatClinicDate(p.date), [series.shortName]: p.value }));
  const mcid = series.mcid;
  const base = series.baseline;
  const up = mcid ? (series.better === 'higher' ? mcid.value : (mcid.declineValue ?? mcid.value)) : 0;
  const down = mcid ? (series.better === 'higher' ? (mcid.declineValue ?? mcid.value) : mcid.value) : 0;
  const fmt = (v: number) => formatNumber(v, series.decimals);
  const startLabel = series.baselineKind === 'first_recorded' ? 'First recorded' : 'Baseline';
  const thresholdName = !mcid ? '' : mcid.kind === 'mdc' ? 'MDC' : mcid.kind === 'mcid' ? 'MCID' : 'threshold';
  return (
    <ChartFigure
      title={`${series.shortName} over time`}
      caption={
        <>
          {series.points
            .map((p) => `${formatClinicDate(p.date)}: ${fmt(p.value)} ${series.unit}${pointNotes(p)}`)
            .join(' · ')}
          <br />
          {mcid && base != null
            ? `Shaded: within the ${thresholdName} of the ${startLabel.toLowerCase()} value (${fmt(base - down)}–${fmt(base + up)} ${series.unit}); change inside it counts as stable (${mcid.source}).`
            : 'No MCID: change is shown without a verdict.'}{' '}
          {series.better === 'higher' ? 'Higher is better.' : 'Lower is better.'}
        </>
      }
    >
      <DrawWhenNear height={200}>
        <LineChart
          label={`${series.shortName} in ${series.unit} at each assessment`}
          data={data}
          x="date"
          series={[{ name: series.shortName, color: 'pacewise.6' }]}
          format={fmt}
          decimals={series.decimals}
          yLabel={series.unit}
          yWidth={56}
          dotRadius={5}
          reference={base != null ? { y: base, label: startLabel } : undefined}
          band={mcid && base != null ? { from: base - down, to: base + up } : undefined}
        />
      </DrawWhenNear>
    </ChartFigure>
  );
}

/** Above this many points a line is drawn without a dot at each one: hundreds of dots cost more than they show. */
const DOTS_UP_TO = 40;

/** What every session line chart shares: a point per period or session, dots only when few. */
const sessionLine = (data: Row[], x: string) => ({ data, x, dots: data.length <= DOTS_UP_TO });

/** Session scores further apart than this are not joined by a line: the gap is a break, not a trend. */
const SCORE_LINE_BREAK_DAYS = 28;

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthLabel = (month: string) => `${monthNames[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

export function ProgressChartsView({ charts }: { charts: ProgressCharts }) {
  return (
    <Stack gap="lg">
      <Title order={3}>Measures over time</Title>
      {charts.measures.length === 0 ? (
        <Text c="dimmed">No finalised results to chart yet.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {charts.measures.map((series) => (
            <MeasureChart key={series.measureKey} series={series} />
          ))}
        </SimpleGrid>
      )}
      <SessionCharts charts={charts} />
    </Stack>
  );
}

type SessionRange = 'recent' | 'all';

function SessionCharts({ charts }: { charts: ProgressCharts }) {
  const [range, setRange] = useState<SessionRange>('recent');
  const recent = useMemo(() => recentSessions(charts, todayLocal()), [charts]);
  const byMonth = range === 'all' && recent.hasEarlier;
  const unit = byMonth ? 'month' : 'week';
  const attendance = useMemo(
    () =>
      byMonth
        ? attendanceByMonth(charts.attendance, todayLocal()).map((m) => ({
            period: monthLabel(m.month),
            Attended: m.attended,
            'Did not attend': m.didNotAttend,
            'Held for safety': m.heldForSafety,
            Cancelled: m.cancelled,
            Adherence: m.adherencePercent,
          }))
        : recent.attendance.map((w) => ({
            period: formatClinicDate(w.weekOf),
            Attended: w.attended,
            'Did not attend': w.didNotAttend,
            'Held for safety': w.heldForSafety,
            Cancelled: w.cancelled,
            Adherence: w.adherencePercent,
          })),
    [byMonth, charts.attendance, recent.attendance],
  );
  const scoreSessions = range === 'all' ? charts.sessionScores : recent.sessionScores;
  const scores = useMemo(
    () =>
      scoreSessions.map((s) => ({
        date: formatClinicDate(s.date),
        RPE: s.rpe,
        Fatigue: s.fatigue,
        Pain: s.pain,
      })),
    [scoreSessions],
  );
  // Placed by date, so a break in attendance shows as a gap along the axis and in the line.
  const scoreAxis = useMemo(() => {
    const first = scoreSessions[0]?.date;
    if (!first) return {};
    return {
      days: scoreSessions.map((s) => daysBetween(first, s.date)),
      dayLabel: (day: number) => formatClinicDate(addDays(first, day)),
      breakAfterDays: SCORE_LINE_BREAK_DAYS,
    };
  }, [scoreSessions]);
  const adherence = attendance.filter((w) => w.Adherence != null); // the periods with a figure
  const meanAdherence =
    adherence.length > 0 ? Math.round(adherence.reduce((s, w) => s + w.Adherence!, 0) / adherence.length) : null;
  const shown = byMonth ? 'since the first session' : `in the last ${RECENT_WEEKS} weeks`;
  const scoresShown =
    range === 'all' || !recent.hasEarlier ? 'since the first session' : `in the last ${RECENT_WEEKS} weeks`;
  const none = range === 'all' || !recent.hasEarlier ? 'yet' : `in the last ${RECENT_WEEKS} weeks`;
  return (
    <>
      <Group justify="space-between" align="flex-end">
        <Title order={3}>Sessions</Title>
        {recent.hasEarlier && (
          <SegmentedControl
            aria-label="Sessions shown"
            className="pacewise-no-print"
            value={range}
            onChange={(value) => setRange(value as SessionRange)}
            data={[
              { value: 'recent', label: `Last ${RECENT_WEEKS} weeks, by week` },
              { value: 'all', label: 'All, by month' },
            ]}
          />
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ChartFigure
          title={`Attendance by ${unit}`}
          caption={
            attendance.length === 0
              ? charts.attendance.length === 0
                ? 'No sessions recorded yet.'
                : `No sessions ${shown}.`
              : `Mean adherence ${meanAdherence ?? '—'}% of planned sessions (or of booked sessions where no plan was in force), over the ${adherence.length} ${adherence.length === 1 ? unit : `${unit}s`} with a session booked ${shown}; ${unit}s with none are left out.`
          }
        >
          {attendance.length > 0 && (
            <DrawWhenNear height={200}>
              <StackedBarChart
                label={`Sessions each ${unit}: attended, did not attend, held for safety, cancelled`}
                data={attendance}
                x="period"
                series={[
                  { name: 'Attended', color: 'teal.6' },
                  { name: 'Did not attend', color: 'red.5' },
                  { name: 'Held for safety', color: 'orange.5' },
                  { name: 'Cancelled', color: 'gray.5' },
                ]}
                legend
              />
            </DrawWhenNear>
          )}
        </ChartFigure>
        <ChartFigure
          title={`Adherence by ${unit}`}
          caption={`Attended as a share of planned sessions, ${shown}; a ${unit} with no session booked has no figure (a gap in the line).`}
        >
          {adherence.length > 0 && (
            <DrawWhenNear height={200}>
              <LineChart
                {...sessionLine(attendance, 'period')}
                label={`Attended as a share of planned sessions each ${unit}`}
                series={[{ name: 'Adherence', color: 'indigo.6' }]}
                unit="%"
                domain={[0, 100]}
                yWidth={48}
              />
            </DrawWhenNear>
          )}
        </ChartFigure>
        <ChartFigure
          title="Session RPE"
          caption={`Overall rating of perceived exertion recorded after each signed session, ${scoresShown}, placed by date; the line breaks where more than four weeks passed between two.`}
        >
          {scores.some((s) => s.RPE != null) ? (
            <DrawWhenNear height={200}>
              <LineChart
                {...sessionLine(scores, 'date')}
                {...scoreAxis}
                label="Overall session RPE after each signed session"
                series={[{ name: 'RPE', color: 'violet.6' }]}
                connectNulls
                decimals={0}
              />
            </DrawWhenNear>
          ) : (
            <Text c="dimmed" size="sm">
              No session RPE recorded {none}.
            </Text>
          )}
        </ChartFigure>
        <ChartFigure
          title="Symptoms after sessions"
          caption={`Fatigue and pain, 0 (none) to 10 (worst), after each signed session, ${scoresShown}, placed by date; the lines break where more than four weeks passed between two.`}
        >
          {scores.some((s) => s.Fatigue != null || s.Pain != null) ? (
            <DrawWhenNear height={200}>
              <LineChart
                {...sessionLine(scores, 'date')}
                {...scoreAxis}
                label="Fatigue and pain, 0 to 10, after each signed session"
                series={[
                  { name: 'Fatigue', color: 'orange.6' },
                  { name: 'Pain', color: 'red.6', dashed: true },
                ]}
                connectNulls
                domain={[0, 10]}
                decimals={0}
                ticks={6}
                legend
              />
            </DrawWhenNear>
          ) : (
            <Text c="dimmed" size="sm">
              No symptom scores recorded after sessions {none}.
            </Text>
          )}
        </ChartFigure>
      </SimpleGrid>

      <Title order={3}>Goals</Title>
      {charts.goals.length === 0 ? (
        <Text c="dimmed">No goals recorded at intake.</Text>
      ) : (
        <Stack gap="sm" role="list" aria-label="Goal progress">
          {charts.goals.map((g) => (
            <Paper
              key={g.id}
              withBorder
              radius="md"
              p="md"
              role="listitem"
              aria-label={g.inOwnWords}
              style={{ breakInside: 'avoid' }}
            >
              <Group justify="space-between" align="flex-start">
                <div>
                  <Text fw={600}>“{g.inOwnWords}”</Text>
                  <Text size="sm" c="dimmed">
                    {goalCategories.labels[g.category]}
                    {g.targetDate ? ` · by ${formatClinicDate(g.targetDate)}` : ''}
                    {g.milestonesTotal > 0 ? ` · ${g.milestonesAchieved} of ${g.milestonesTotal} milestones` : ''}
                  </Text>
                </div>
                <Badge
                  variant="light"
                  color={g.status === 'achieved' ? 'teal' : g.status === 'active' ? 'blue' : 'gray'}
                >
                  {goalStatuses.labels[g.status]}
                </Badge>
              </Group>
              {g.measureName && (
                <Stack gap={4} mt="xs">
                  <Text size="sm">
                    {g.measureName}: baseline {g.baselineValue ?? '—'}, latest {g.latestValue ?? '—'}, target{' '}
                    {g.targetValue ?? '—'}
                  </Text>
                  {g.percentToTarget != null && (
                    <Progress
                      value={g.percentToTarget}
                      size="lg"
                      aria-label={`${g.percentToTarget}% of the way to the target`}
                    />
                  )}
                </Stack>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </>
  );
}
