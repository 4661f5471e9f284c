import { Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { SessionRecorder } from './SessionRecorder';
import { useExerciseLibrary } from './useLibrary';
import { BackLink } from '../../components/BackLink';

export function SessionScreen() {
  const { sessionId = '' } = useParams();
  const library = useExerciseLibrary();
  return (
    <Stack gap="sm" maw={1400}>
      <BackLink to="/today" spokenArrow>
        Today
      </BackLink>
      <SessionRecorder key={sessionId} sessionId={sessionId} library={library} />
    </Stack>
  );
}
