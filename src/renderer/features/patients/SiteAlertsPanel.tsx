import { Badge, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import {
  alertableSites,
  type AlertableSite,
  type SiteAlertPolicy,
} from '../../../shared/clinical/intake/patientAlerts';
import { metastaticSites } from '../../../shared/domain/vocabulary';
import { api } from '../../api';
import { showApiError, showSaved } from '../../components/forms';

type Draft = Record<AlertableSite, { enabled: boolean; text: string }>;

const toDraft = (policy: SiteAlertPolicy): Draft =>
  Object.fromEntries(
    alertableSites.map((s) => [s, { enabled: policy[s].enabled, text: policy[s].precautions.join('\n') }]),
  ) as Draft;

/**
 * Which metastatic sites raise an alert on the overview, caseload and session, and the precautions
 * shown with it. No published source sets these: they are the clinic's policy.
 */
export function SiteAlertsPanel() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    api.intake
      .siteAlertPolicy({})
      .then((p) => setDraft(toDraft(p)))
      .catch((e: unknown) => showApiError(e));
  }, []);
  if (!draft) return <Text c="dimmed">Loading…</Text>;
  const save = async () => {
    setErrors({});
    try {
      const policy = Object.fromEntries(
        alertableSites.map((s) => [
          s,
          {
            enabled: draft[s].enabled,
            precautions: draft[s].text
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean),
          },
        ]),
      ) as SiteAlertPolicy;
      setDraft(toDraft(await api.intake.saveSiteAlertPolicy({ policy })));
      showSaved('Metastatic-site alerts saved');
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
          Precautions shown with each alert on the overview, the caseload and the session screen. One per line.
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {alertableSites.map((site) => (
          <Paper
            key={site}
            withBorder
            p="sm"
            radius="md"
            role="group"
            aria-label={`${metastaticSites.labels[site]} metastases`}
          >
            <Checkbox
              label={`Alert for ${metastaticSites.labels[site].toLowerCase()} metastases`}
              checked={draft[site].enabled}
              onChange={(e) => setDraft({ ...draft, [site]: { ...draft[site], enabled: e.currentTarget.checked } })}
            />
            <Textarea
              mt="xs"
              label="Precautions"
              autosize
              minRows={2}
              value={draft[site].text}
              error={Object.entries(errors).find(([k]) => k.startsWith(`policy.${site}`))?.[1]}
              onChange={(e) => setDraft({ ...draft, [site]: { ...draft[site], text: e.currentTarget.value } })}
            />
          </Paper>
        ))}
      </SimpleGrid>
      <Group justify="flex-end">
        <Button onClick={save}>Save site alerts</Button>
      </Group>
    </Stack>
  );
}
