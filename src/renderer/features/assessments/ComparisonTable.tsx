import { Badge, Group, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import {
  formatNumber,
  formatSigned,
  incompleteLabel,
  startKindLabels,
  thresholdProvenanceNotes,
  type ChangeVerdict,
  verdictLabels,
  type Verdict,
} from '../../../shared/clinical/measures';
import type { ComparisonRow, SeriesPointView } from '../../../shared/contract/assessments';
import { formatClinicDate } from '../../dates';

const verdictColours: Record<Verdict, string> = {
  improved: 'teal',
  stable: 'blue',
  declined: 'red',
  not_judged: 'gray',
};

function Point({ point, row, label }: { point: SeriesPointView | null; row: ComparisonRow; label?: string }) {
  if (!point) return <Text c="dimmed">—</Text>;
  return (
    <div>
      {label && (
        <Text size="xs" fw={700} c="orange" style={{ whiteSpace: 'nowrap' }}>
          {label}
        </Text>
      )}
      <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
        {formatNumber(point.value, row.decimals)} {row.unit}
      </Text>
      {point.incomplete && (
        <Text size="xs" fw={700} c="orange">
          {incompleteLabel(point.incomplete)}
        </Text>
      )}
      {point.kind === 'patient_reported' && (
        <Text size="xs" fw={600} c="blue.8">
          Patient check-in
        </Text>
      )}
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {formatClinicDate(point.date)}
      </Text>
    </div>
  );
}

function Change({ change, row }: { change: ChangeVerdict | null; row: ComparisonRow }) {
  if (!change) return <Text c="dimmed">—</Text>;
  return (
    <div>
      <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
        {formatSigned(change.change, row.decimals)} {row.unit}
      </Text>
      <Text size="xs" c="dimmed">
        {change.percentChange == null ? '' : `${formatSigned(change.percentChange, 1)}%`}
      </Text>
    </div>
  );
}

function VerdictCell({ change, row }: { change: ChangeVerdict | null; row: ComparisonRow }) {
  if (!change) return <Text c="dimmed">One result so far</Text>;
  const provenance = row.mcid ? thresholdProvenanceNotes[row.mcid.provenance] : null;
  return (
    <Stack gap={2}>
      <Badge
        color={verdictColours[change.verdict]}
        variant={change.verdict === 'not_judged' ? 'outline' : 'filled'}
        size="lg"
      >
        {verdictLabels[change.verdict]}
      </Badge>
      <Text size="xs" c="dimmed" maw={320}>
        {change.basis}
      </Text>
      {provenance && (
        <Text size="xs" fw={600} c="orange" maw={320}>
          {provenance}
        </Text>
      )}
    </Stack>
  );
}

/** Badges clip to one line by default ("Declined…"); a verdict or a cut-off's name must be read whole. */
const WRAPPING_BADGE = {
  root: { height: 'auto', maxWidth: '100%', paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' },
} as const;

/**
 * For every measure: baseline, previous and current values, the change from baseline with its
 * verdict and basis (verdictFor in src/shared, so letters say the same), and cut-off positions.
 */
export function ComparisonTable({ rows }: { rows: ComparisonRow[] }) {
  if (rows.length === 0) {
    return (
      <Paper withBorder p="lg" radius="md">
        <Text c="dimmed" ta="center">
          No finalised assessment yet. The comparison appears once a baseline is finalised.
        </Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder radius="md" style={{ overflowX: 'auto' }}>
      <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Comparison" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Measure</Table.Th>
            <Table.Th>Baseline</Table.Th>
            <Table.Th>Previous</Table.Th>
            <Table.Th>Current</Table.Th>
            <Table.Th>Change</Table.Th>
            <Table.Th>Verdict and basis</Table.Th>
            <Table.Th>Since previous</Table.Th>
            <Table.Th>Cut-offs</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.measureKey} aria-label={row.shortName}>
              <Table.Td pl={row.parent ? 'xl' : undefined}>
                <Text fw={row.parent ? 500 : 700}>{row.shortName}</Text>
                <Text size="xs" c="dimmed">
                  {row.better === 'higher' ? 'Higher is better' : 'Lower is better'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Point
                  point={row.baseline}
                  row={row}
                  // A value first taken after the baseline assessment is never called the baseline.
                  label={row.baselineKind === 'first_recorded' ? startKindLabels.first_recorded : undefined}
                />
              </Table.Td>
              <Table.Td>
                <Point
                  point={row.previous && row.previous.assessmentId !== row.baseline?.assessmentId ? row.previous : null}
                  row={row}
                />
              </Table.Td>
              <Table.Td>
                <Point point={row.changeFromBaseline ? row.current : null} row={row} />
              </Table.Td>
              <Table.Td>
                <Change change={row.changeFromBaseline} row={row} />
              </Table.Td>
              <Table.Td>
                <VerdictCell change={row.changeFromBaseline} row={row} />
                {!row.mcid && row.mcidGap && (
                  <Text size="xs" c="dimmed">
                    {row.mcidGap}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {row.changeFromPrevious && row.previous?.assessmentId !== row.baseline?.assessmentId ? (
                  <Badge color={verdictColours[row.changeFromPrevious.verdict]} variant="light" styles={WRAPPING_BADGE}>
                    {verdictLabels[row.changeFromPrevious.verdict]} (
                    {formatSigned(row.changeFromPrevious.change, row.decimals)})
                  </Badge>
                ) : (
                  <Text c="dimmed">—</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {row.cutoffFlags.length === 0 && <Text c="dimmed">—</Text>}
                  {row.cutoffFlags.map((flag) => (
                    <Stack key={flag.id} gap={0}>
                      <Tooltip label={`${flag.meaning} (${flag.source})`} multiline w={280}>
                        <Badge
                          color="orange"
                          variant="light"
                          styles={{ ...WRAPPING_BADGE, root: { ...WRAPPING_BADGE.root, cursor: 'help' } }}
                        >
                          {flag.label}
                        </Badge>
                      </Tooltip>
                      {flag.unverified && (
                        <Text size="xs" c="dimmed">
                          Source not verified
                        </Text>
                      )}
                    </Stack>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
