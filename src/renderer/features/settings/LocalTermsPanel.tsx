import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { localTermDefinitions, localTermKeys, type LocalTerms } from '../../../shared/clinical/localTerms';
import { showApiError, showSaved } from '../../components/forms';
import { useLocalTerms } from '../../localTerms';

/**
 * Who the red-flag actions tell the specialist to call, where the sources name an NHS service
 * (NICE NG234's MSCC coordinator, NICE CG151's acute oncology service).
 */
export function LocalTermsPanel() {
  const { terms, saved, save } = useLocalTerms();
  const [form, setForm] = useState<LocalTerms>(terms);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async (next: LocalTerms | null) => {
    setErrors({});
    try {
      await save(next);
      showSaved(next ? 'Local services saved' : 'Local services back to the defaults');
    } catch (error) {
      showApiError(error, { setErrors }, { fieldPrefix: 'terms.' });
    }
  };
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge variant="light" color={saved ? 'teal' : 'gray'}>
          {saved ? 'Clinic policy: the clinic’s own words' : 'Clinic policy: Pacewise defaults'}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        The red-flag actions on the session screen follow NHS guidance, which names NHS services. Write whom your clinic
        calls instead, with a phone number if it helps; the actions use these words.
      </Text>
      {localTermKeys.map((key) => {
        const definition = localTermDefinitions[key];
        return (
          <TextInput
            key={key}
            label={definition.label}
            description={`In place of “${definition.nhsPhrase}” (${definition.source}). Default: ${definition.defaultText}.`}
            value={form[key]}
            error={errors[key]}
            onChange={(e) => setForm({ ...form, [key]: e.currentTarget.value })}
          />
        );
      })}
      <Group>
        <Button variant="light" onClick={() => void submit(form)}>
          Save local services
        </Button>
        {saved && (
          <Button variant="subtle" color="gray" onClick={() => void submit(null)}>
            Use the defaults
          </Button>
        )}
      </Group>
    </Stack>
  );
}
