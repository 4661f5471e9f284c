import { Paper, Stack, Text } from '@mantine/core';
import { SectionScreen } from '../patients/shared';
import { LetterRegister, NewLetter } from './LetterRegister';

/** One patient's letters: draft a new one from the record, and the register of what was sent. */
export function PatientLetters() {
  return (
    <SectionScreen title="Letters">
      {(record) => (
        <Stack gap="md">
          <Paper withBorder p="md" radius="md">
            <NewLetter patientId={record.patient.id} />
            <Text size="sm" c="dimmed" mt="xs">
              Each letter is drafted from the record and the clinic’s template (Settings → Letters), then edited before
              it is finalised.
            </Text>
          </Paper>
          <LetterRegister patientId={record.patient.id} />
        </Stack>
      )}
    </SectionScreen>
  );
}
