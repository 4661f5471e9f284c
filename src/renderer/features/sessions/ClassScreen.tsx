import { Anchor, Box, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { GroupClass } from '../../../shared/contract/sessions';
import { formatClinicDate } from '../../../shared/dates';
import { api } from '../../api';
import { showApiError } from '../../components/forms';
import { SessionRecorder } from './SessionRecorder';
import { useExerciseLibrary } from './useLibrary';

/** A group class: each patient side by side, each with their own screen, decision and log. */
export function ClassScreen() {
  const { classId = '' } = useParams();
  const [cls, setCls] = useState<GroupClass | null>(null);
  const library = useExerciseLibrary();
  useEffect(() => {
    api.classes
      .get({ classId })
      .then(setCls)
      .catch((e: unknown) => showApiError(e, undefined, { title: 'Could not open the class' }));
  }, [classId]);
  if (!cls) return <Text c="dimmed">Opening the class…</Text>;
  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/today" size="sm">
        ← Today
      </Anchor>
      <Group justify="space-between">
        <Title order={2}>{cls.name}</Title>
        <Text c="dimmed">
          {formatClinicDate(cls.date)} at {cls.startTime} · {cls.sessionIds.length} patients
        </Text>
      </Group>
      {/* Bounded width so only this strip scrolls sideways when a class has more than fits. */}
      <Box style={{ overflowX: 'auto', maxWidth: 'calc(100vw - 250px)' }}>
        <Box
          pb="md"
          style={{
            display: 'grid',
            gap: 'var(--mantine-spacing-md)',
            alignItems: 'start',
            gridTemplateColumns: `repeat(${cls.sessionIds.length}, minmax(320px, 1fr))`,
          }}
        >
          {cls.sessionIds.map((id) => (
            <SessionRecorder key={id} sessionId={id} compact library={library} />
          ))}
        </Box>
      </Box>
    </Stack>
  );
}
