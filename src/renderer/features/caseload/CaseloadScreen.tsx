import {
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Pagination,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
  UnstyledButton,
  useComputedColorScheme,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconSearch, IconUserPlus } from '@tabler/icons-react';
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import { useNavigate } from 'react-router';
import {
  caseloadFlagLabels,
  caseloadFlags,
  DEFAULT_CASELOAD_STATUSES,
  type CaseloadFlag,
  type CaseloadPage,
  type CaseloadRow,
  type CaseloadSort,
} from '../../../shared/contract/intake';
import type { Clinician } from '../../../shared/contract/setup';
import { ageOn } from '../../../shared/dates';
import { formatClinicDate } from '../../dates';
import {
  metastaticSites,
  patientStatuses,
  treatmentTypes,
  type PatientStatus,
} from '../../../shared/domain/vocabulary';
import { api } from '../../api';
import { warmWhenIdle } from '../../app/lazyScreen';
import { showApiError } from '../../components/forms';
import { badgeStyles, ClearanceBadge, cycleDayText, StatusBadge } from '../patients/shared';

// Loaded when first opened: its date pickers are not needed to show the caseload.
const AddPatientDialog = lazy(() =>
  import('../patients/AddPatientDialog').then((m) => ({ default: m.AddPatientDialog })),
);

const PAGE_SIZE = 25;
const riskColors = { none: 'gray', low: 'teal', unscored: 'yellow', moderate: 'orange', high: 'red' } as const;
const riskLabels = {
  none: 'No lesions recorded',
  low: 'Low risk',
  unscored: 'Not scored',
  moderate: 'Moderate risk',
  high: 'High risk',
} as const;

const columns: Array<{ sort: CaseloadSort; label: string }> = [
  { sort: 'name', label: 'Name' },
  { sort: 'status', label: 'Status' },
  { sort: 'clearance', label: 'Clearance' },
  { sort: 'bone', label: 'Bone mets' },
  { sort: 'problems', label: 'Problems' },
  { sort: 'treatment', label: 'Treatment this week' },
  { sort: 'reassessment', label: 'Reassessment' },
  { sort: 'clinician', label: 'Clinician' },
];

/** The name column stays in view while the other columns scroll sideways on a tablet. */
const stickyCell: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
};

function SortHeader(props: {
  label: string;
  active: boolean;
  direction: 'asc' | 'desc';
  onSort(): void;
  style?: CSSProperties;
}) {
  const Icon = !props.active ? IconArrowsSort : props.direction === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th
      aria-sort={props.active ? (props.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
      style={props.style}
    >
      <UnstyledButton onClick={props.onSort} aria-label={`Sort by ${props.label}`}>
        <Group gap={4} wrap="nowrap">
          <Text fw={600} size="sm">
            {props.label}
          </Text>
          <Icon size={14} stroke={1.8} opacity={props.active ? 1 : 0.45} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

function ReassessmentCell({ row }: { row: CaseloadRow }) {
  const r = row.reassessment;
  if (!r) return null;
  if (r.state === 'scheduled') {
    return (
      <Text size="sm" c="dimmed">
        {formatClinicDate(r.dueOn)}
      </Text>
    );
  }
  return (
    <Tooltip label={`Reassessment ${r.state === 'overdue' ? 'was due' : 'due'} ${formatClinicDate(r.dueOn)}`}>
      <Badge
        color={r.state === 'overdue' ? 'red' : 'yellow'}
        variant={r.state === 'overdue' ? 'filled' : 'light'}
        style={{ textTransform: 'none' }}
        styles={badgeStyles}
      >
        {r.state === 'overdue' ? `Overdue ${-r.days} d` : r.days === 0 ? 'Due today' : `Due in ${r.days} d`}
      </Badge>
    </Tooltip>
  );
}

function ProblemsCell({ row }: { row: CaseloadRow }) {
  // The open adverse-event count includes red-flag incidents; show each problem once.
  const otherEvents = Math.max(0, row.openAdverseEvents - row.openRedFlags);
  return (
    <Group gap={4}>
      {row.alertSites.map((site) => (
        <Badge
          key={site}
          color={site === 'brain' ? 'red' : 'orange'}
          variant="light"
          style={{ textTransform: 'none' }}
          styles={badgeStyles}
          title="Clinic policy alert: see the overview for precautions"
        >
          {metastaticSites.labels[site]} mets
        </Badge>
      ))}
      {row.openRedFlags > 0 && (
        <Badge color="red" style={{ textTransform: 'none' }} styles={badgeStyles}>
          {row.openRedFlags} red flag{row.openRedFlags > 1 ? 's' : ''}
        </Badge>
      )}
      {otherEvents > 0 && (
        <Badge color="orange" style={{ textTransform: 'none' }} styles={badgeStyles}>
          {otherEvents} adverse event{otherEvents > 1 ? 's' : ''}
        </Badge>
      )}
      {row.guidanceReply?.overdue && (
        <Badge color="orange" variant="outline" style={{ textTransform: 'none' }} styles={badgeStyles}>
          Guidance reply overdue ({row.guidanceReply.days} d)
        </Badge>
      )}
    </Group>
  );
}

export function CaseloadScreen() {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 150);
  const [statuses, setStatuses] = useState<PatientStatus[]>(DEFAULT_CASELOAD_STATUSES);
  const [flag, setFlag] = useState<CaseloadFlag | ''>('');
  const [clinicianId, setClinicianId] = useState('');
  const [sort, setSort] = useState<CaseloadSort>('name');
  const [direction, setDirection] = useState<'asc' | 'desc'>('asc');
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<CaseloadPage | null>(null);
  // The UI bench (npm run bench:ui) times app start to this mark: the frame that draws the first rows.
  const firstPaint = useRef(false);
  useEffect(() => {
    if (!result || firstPaint.current) return;
    firstPaint.current = true;
    requestAnimationFrame(() => performance.mark('pacewise:caseload-painted'));
    // The next thing done here is opening a patient (its first open was 106 ms with the code to load, 35 without).
    warmWhenIdle(() => import('../patients/PatientOverview'));
  }, [result]);
  const [clinicians, setClinicians] = useState<Clinician[]>([]);
  const [adding, setAdding] = useState(false);
  const [reload, setReload] = useState(0);
  const body = useRef<HTMLTableSectionElement>(null);

  useEffect(() => {
    api.clinicians
      .list({})
      .then(setClinicians)
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    let cancelled = false;
    api.caseload
      .list({
        query: debounced,
        statuses,
        flag: flag || null,
        clinicianId: clinicianId || null,
        sort,
        direction,
        offset: (page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
      })
      .then((next) => !cancelled && setResult(next))
      .catch((error: unknown) => showApiError(error, undefined, { title: 'Could not load the caseload' }));
    return () => {
      cancelled = true;
    };
  }, [debounced, statuses, flag, clinicianId, sort, direction, page, reload]);

  const open = (id: string) => navigate(`/patients/${id}`);
  const sortBy = (next: CaseloadSort) => {
    if (next === sort) setDirection(direction === 'asc' ? 'desc' : 'asc');
    else {
      setSort(next);
      setDirection('asc');
    }
    setPage(1);
  };
  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, id: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(id);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const rows = Array.from(body.current?.querySelectorAll<HTMLTableRowElement>('tr[tabindex]') ?? []);
      const index = rows.indexOf(e.currentTarget);
      rows[Math.max(0, Math.min(rows.length - 1, index + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
    }
  };
  const today = result?.today;

  // Shadows at the table's edges say there are more columns to scroll to (tablet width).
  const viewport = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState({ left: false, right: false });
  const updateEdges = useCallback(() => {
    const el = viewport.current;
    if (!el) return;
    const left = el.scrollLeft > 1;
    const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    setEdges((now) => (now.left === left && now.right === right ? now : { left, right }));
  }, []);
  useEffect(() => {
    updateEdges();
    window.addEventListener('resize', updateEdges);
    return () => window.removeEventListener('resize', updateEdges);
  }, [updateEdges, result]);
  const scheme = useComputedColorScheme('light');
  const shade = scheme === 'dark' ? 'rgba(0, 0, 0, 0.75)' : 'rgba(0, 0, 0, 0.2)';
  const edgeShadow = (side: 'left' | 'right'): CSSProperties => ({
    position: 'absolute',
    top: 0,
    bottom: 0,
    [side]: 0,
    width: 20,
    pointerEvents: 'none',
    zIndex: 2,
    background: `linear-gradient(to ${side === 'left' ? 'right' : 'left'}, ${shade}, transparent)`,
  });
  const nameCell: CSSProperties = {
    ...stickyCell,
    boxShadow: edges.left ? `6px 0 8px -6px ${shade}` : undefined,
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>Caseload</Title>
        <Button leftSection={<IconUserPlus size={20} />} onClick={() => setAdding(true)}>
          Add patient
        </Button>
      </Group>
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput
          label="Search patients"
          placeholder="Name or hospital number (MRN)"
          leftSection={<IconSearch size={18} />}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            setPage(1);
          }}
          miw={330}
          style={{ flex: '1 1 330px' }}
          maw={520}
        />
        <NativeSelect
          label="Flag"
          value={flag}
          onChange={(e) => {
            setFlag(e.currentTarget.value as CaseloadFlag | '');
            setPage(1);
          }}
          data={[
            { value: '', label: 'Any' },
            ...caseloadFlags.map((f) => ({ value: f, label: caseloadFlagLabels[f] })),
          ]}
          w={230}
        />
        <NativeSelect
          label="Lead clinician"
          value={clinicianId}
          onChange={(e) => {
            setClinicianId(e.currentTarget.value);
            setPage(1);
          }}
          data={[{ value: '', label: 'Anyone' }, ...clinicians.map((c) => ({ value: c.id, label: c.fullName }))]}
          w={180}
        />
      </Group>
      <Checkbox.Group
        label="Status"
        value={statuses}
        onChange={(v) => {
          setStatuses(v as PatientStatus[]);
          setPage(1);
        }}
      >
        <Group gap="lg" mt={4}>
          {patientStatuses.values.map((s) => (
            <Checkbox key={s} value={s} label={patientStatuses.labels[s]} />
          ))}
        </Group>
      </Checkbox.Group>
      <Paper withBorder radius="md" pos="relative" style={{ overflow: 'hidden' }}>
        {edges.right && <div aria-hidden style={edgeShadow('right')} />}
        <ScrollArea type="auto" scrollbarSize={10} viewportRef={viewport} onScrollPositionChange={updateEdges}>
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="xs" aria-label="Patients">
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => (
                  <SortHeader
                    key={c.sort}
                    label={c.label}
                    active={sort === c.sort}
                    direction={direction}
                    onSort={() => sortBy(c.sort)}
                    style={c.sort === 'name' ? nameCell : undefined}
                  />
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody ref={body}>
              {result?.rows.map((p) => (
                <Table.Tr
                  key={p.id}
                  tabIndex={0}
                  style={{ cursor: 'pointer' }}
                  aria-label={`${p.givenName} ${p.familyName}`}
                  onClick={() => open(p.id)}
                  onKeyDown={(e) => onRowKey(e, p.id)}
                >
                  <Table.Td style={nameCell}>
                    <Text fw={600} size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {p.familyName}, {p.givenName}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {p.mrn}
                      {today ? ` · ${ageOn(p.dateOfBirth, today)} y` : ''}
                      {p.preferredName ? ` · “${p.preferredName}”` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={p.status} />
                  </Table.Td>
                  <Table.Td>
                    <ClearanceBadge state={p.clearance.state} daysLeft={p.clearance.daysLeft} size="sm" compact />
                  </Table.Td>
                  <Table.Td>
                    {p.hasBoneMets && (
                      <Badge
                        color={riskColors[p.skeletalRiskLevel]}
                        variant="light"
                        style={{ textTransform: 'none' }}
                        styles={badgeStyles}
                      >
                        {riskLabels[p.skeletalRiskLevel]}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <ProblemsCell row={p} />
                  </Table.Td>
                  <Table.Td>
                    {p.treatments.map((t, i) => (
                      <Text key={i} size="xs">
                        <b>{treatmentTypes.labels[t.type]}</b>
                        {t.cycleDay ? ` · ${cycleDayText(t.cycleDay).toLowerCase()}` : ''}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    <ReassessmentCell row={p} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{p.leadClinician?.fullName ?? ''}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        {result && result.rows.length === 0 && (
          <Text p="lg" c="dimmed" ta="center">
            {debounced || flag || clinicianId
              ? 'No patient matches these filters.'
              : 'No patients yet. Add the first referral to begin.'}
          </Text>
        )}
      </Paper>
      {result && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {result.total} patient{result.total === 1 ? '' : 's'}
          </Text>
          {result.total > PAGE_SIZE && (
            <Pagination total={Math.ceil(result.total / PAGE_SIZE)} value={page} onChange={setPage} />
          )}
        </Group>
      )}
      {adding && (
        <Suspense fallback={<Loader aria-label="Opening the new patient form" />}>
          <AddPatientDialog
            opened={adding}
            onClose={() => setAdding(false)}
            onAdded={(patient) => {
              setAdding(false);
              setReload((n) => n + 1);
              void patient;
            }}
          />
        </Suspense>
      )}
    </Stack>
  );
}
