import { Anchor, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { SessionRecorder } from './SessionRecorder';
import { useExerciseLibrary } from './useLibrary';

export function SessionScreen() {
  const { sessionId = '' } = useParams();
  const library = useExerciseLibrary();
  return (
    <Stack gap="sm" maw={1400}>
      <Anchor component={Link} to="/today" size="sm">
        ← Today
      </Anchor>
      <SessionRecorder key={sessionId} sessionId={sessionId} library={library} />
    </Stack>
  );
}
