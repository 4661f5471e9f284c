import { Alert, Badge, Button, Group, Paper, Spoiler, Stack, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import {
  writeHistoryText,
  type HistoryEntry,
  type HistoryFieldChange,
  type HistoryText,
} from '../../../shared/contract/audit';
import { api } from '../../api';
import { showApiError } from '../../components/forms';
import { Loading, SectionScreen } from '../patients/shared';
import { formatClinicDate, formatClinicInstant } from '../../dates';

const PAGE_SIZE = 50;

/** "27 Nov 2026, 09:17" in the clinic's date format and local time. */
export function formatWhen(iso: string): string {
  return formatClinicInstant(iso);
}

const actionColors: Record<string, string> = {
  create: 'teal',
  update: 'blue',
  amend: 'orange',
  sign: 'grape',
  finalise: 'grape',
  status: 'indigo',
  override: 'red',
  retire: 'gray',
  discard: 'gray',
};

/** Long text (a note, a list of exercise rows) is folded to a few lines until asked for. */
function Value(props: { text: string; kind: 'before' | 'after' }) {
  const style = { overflowWrap: 'anywhere' as const, whiteSpace: 'pre-line' as const, minWidth: 0 };
  const body =
    props.kind === 'before' ? (
      <Text component="del" size="sm" c="dimmed" td="line-through" aria-label={`was ${props.text}`} style={style}>
        {props.text}
      </Text>
    ) : (
      <Text component="ins" size="sm" fw={500} style={{ ...style, textDecoration: 'none' }}>
        {props.text}
      </Text>
    );
  if (props.text.length <= 200 && !props.text.includes('\n')) return body;
  return (
    <Spoiler maxHeight={44} showLabel="Show all" hideLabel="Fold" style={{ minWidth: 0, flex: 1 }}>
      {body}
    </Spoiler>
  );
}

/** A value as its screen writes it: dates in the clinic's format, times on the 24-hour clock. */
const written = (text: HistoryText) => writeHistoryText(text, { date: formatClinicDate, at: formatWhen });

function FieldChange({ change }: { change: HistoryFieldChange }) {
  return (
    <Group component="li" gap={6} wrap="nowrap" align="baseline" style={{ listStyle: 'none', minWidth: 0 }}>
      <Text size="sm" fw={600} w={220} style={{ flexShrink: 0, overflowWrap: 'anywhere' }}>
        {change.label}
      </Text>
      <Group gap={6} wrap="wrap" align="baseline" style={{ minWidth: 0, flex: 1 }}>
        {change.before !== null && (
          <>
            <Value text={written(change.before)} kind="before" />
            <Text size="sm" c="dimmed" aria-hidden>
              →
            </Text>
          </>
        )}
        {change.after !== null ? (
          <Value text={written(change.after)} kind="after" />
        ) : (
          <Text size="sm" fs="italic" c="dimmed">
            cleared
          </Text>
        )}
      </Group>
    </Group>
  );
}

function EntryCard({ entry }: { entry: HistoryEntry }) {
  const title = `${entry.entityLabel} · ${entry.actionLabel}`;
  return (
    <Paper component="li" withBorder p="md" radius="md" aria-label={`${title}, ${formatWhen(entry.at)}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            <Text fw={600}>{entry.entityLabel}</Text>
            <Badge
              color={actionColors[entry.action] ?? 'gray'}
              variant="light"
              radius="sm"
              style={{ textTransform: 'none' }}
            >
              {entry.actionLabel}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            <time dateTime={entry.at}>{formatWhen(entry.at)}</time> · {entry.actorName ?? 'System'}
          </Text>
        </Group>
        {entry.changes.length > 0 ? (
          <Stack component="ul" gap={4} m={0} p={0} aria-label="Changed fields">
            {entry.changes.map((c) => (
              <FieldChange key={c.field} change={c} />
            ))}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No field values changed.
          </Text>
        )}
        {entry.reason && (
          <Text size="sm">
            <Text span fw={600}>
              Reason:
            </Text>{' '}
            {entry.reason}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Every change to the patient's record, newest first, read from the append-only audit log. */
export function HistoryList({ patientId }: { patientId: string }) {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [nextBeforeSeq, setNextBeforeSeq] = useState<number | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const load = useCallback(
    (beforeSeq: number | null) => {
      setLoadingMore(beforeSeq !== null);
      api.audit
        .patientHistory({ patientId, beforeSeq, limit: PAGE_SIZE })
        .then((page) => {
          setEntries((prev) => (beforeSeq === null ? page.entries : [...(prev ?? []), ...page.entries]));
          setNextBeforeSeq(page.nextBeforeSeq);
        })
        .catch((error: unknown) => showApiError(error, undefined, { title: 'Could not load the change history' }))
        .finally(() => setLoadingMore(false));
    },
    [patientId],
  );
  useEffect(() => load(null), [load]);

  if (!entries) return <Loading />;
  if (entries.length === 0) {
    return (
      <Alert variant="light" color="gray" icon={<IconHistory size={20} />} title="No changes recorded yet">
        Changes to this patient's record will be listed here with who made them and when.
      </Alert>
    );
  }
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Records are amended, never deleted: every change is kept in the clinic's tamper-evident log, newest first.
      </Text>
      <Stack component="ol" gap="sm" m={0} p={0} aria-label="Changes" style={{ listStyle: 'none' }}>
        {entries.map((e) => (
          <EntryCard key={e.seq} entry={e} />
        ))}
      </Stack>
      {nextBeforeSeq !== null && (
        <Button
          variant="default"
          size="md"
          loading={loadingMore}
          onClick={() => load(nextBeforeSeq)}
          style={{ alignSelf: 'flex-start' }}
        >
          Show older
        </Button>
      )}
    </Stack>
  );
}

export function HistoryScreen() {
  const { patientId = '' } = useParams();
  return <SectionScreen title="Change history">{() => <HistoryList patientId={patientId} />}</SectionScreen>;
}
