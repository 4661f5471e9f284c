import { Badge, Button, Checkbox, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import {
  policyPrecautionLabels,
  policyPrecautions,
  RECENT_SURGERY_WEEKS_RANGE,
  type PolicyPrecaution,
  type PrecautionPolicy,
} from '../../../shared/clinical/intake/precautions';
import { api } from '../../api';
import { showApiError, showSaved } from '../../components/forms';

interface Draft {
  rules: Record<PolicyPrecaution, { enabled: boolean; text: string }>;
  weeks: number | '';
}

const toDraft = (policy: PrecautionPolicy): Draft => ({
  rules: Object.fromEntries(
    policyPrecautions.map((p) => [p, { enabled: policy[p].enabled, text: policy[p].precautions.join('\n') }]),
  ) as Draft['rules'],
  weeks: policy.recentSurgeryWeeks,
});

/**
 * The precautions no source read gives (a PICC line, a port, a stoma, recent surgery): the clinic's
 * policy, shown on the overview and the session wherever the device or surgery is recorded.
 */
export function PrecautionsPanel() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    api.intake
      .precautionPolicy({})
      .then((p) => setDraft(toDraft(p)))
      .catch((e: unknown) => showApiError(e));
  }, []);
  if (!draft) return <Text c="dimmed">Loading…</Text>;
  const setRule = (p: PolicyPrecaution, patch: Partial<Draft['rules'][PolicyPrecaution]>) =>
    setDraft({ ...draft, rules: { ...draft.rules, [p]: { ...draft.rules[p], ...patch } } });
  const save = async () => {
    setErrors({});
    try {
      const rules = Object.fromEntries(
        policyPrecautions.map((p) => [
          p,
          {
            enabled: draft.rules[p].enabled,
            precautions: draft.rules[p].text
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean),
          },
        ]),
      ) as Omit<PrecautionPolicy, 'recentSurgeryWeeks'>;
      const policy = { ...rules, recentSurgeryWeeks: draft.weeks === '' ? Number.NaN : draft.weeks };
      setDraft(toDraft(await api.intake.savePrecautionPolicy({ policy })));
      showSaved('Precautions saved');
    } catch (error) {
      showApiError(error, { setErrors });
    }
  };
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge variant="outline" color="gray">
          Clinic policy
        </Badge>
        <Text size="sm" c="dimmed">
          No source read gives these; each shows on the overview and the session screen where its device or surgery is
          recorded. One precaution per line.
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {policyPrecautions.map((p) => (
          <Paper key={p} withBorder p="sm" radius="md" role="group" aria-label={policyPrecautionLabels[p]}>
            <Checkbox
              label={`Alert for a ${policyPrecautionLabels[p].toLowerCase()}`}
              checked={draft.rules[p].enabled}
              onChange={(e) => setRule(p, { enabled: e.currentTarget.checked })}
            />
            <Textarea
              mt="xs"
              label="Precautions"
              autosize
              minRows={2}
              value={draft.rules[p].text}
              error={Object.entries(errors).find(([k]) => k.startsWith(`policy.${p}`))?.[1]}
              onChange={(e) => setRule(p, { text: e.currentTarget.value })}
            />
            {p === 'recent_surgery' && (
              <NumberInput
                mt="xs"
                label="Show for this many weeks after surgery"
                min={RECENT_SURGERY_WEEKS_RANGE.min}
                max={RECENT_SURGERY_WEEKS_RANGE.max}
                clampBehavior="none"
                value={draft.weeks}
                error={errors['policy.recentSurgeryWeeks']}
                onChange={(v) => setDraft({ ...draft, weeks: v === '' ? '' : Number(v) })}
              />
            )}
          </Paper>
        ))}
      </SimpleGrid>
      <Group justify="flex-end">
        <Button onClick={save}>Save precautions</Button>
      </Group>
    </Stack>
  );
}
