import { ActionIcon, Button, Group, Paper, Select, Stack, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { LetterView, RecipientOption } from '../../../shared/contract/letters';

export interface LetterDraftState {
  subject: string;
  salutation: string;
  closing: string;
  sections: Array<{ key: string; heading: string; text: string }>;
  recipients: Array<{ contactId: string | null; isPatient: boolean; role: 'to' | 'cc' }>;
  chartMeasureKey: string | null;
}

export function draftStateOf(view: LetterView): LetterDraftState {
  const c = view.document.content;
  return {
    subject: c.subject,
    salutation: c.salutation,
    closing: c.closing,
    sections: c.sections.map((s) => ({ key: s.key, heading: s.heading, text: s.text })),
    recipients: view.document.recipients.map((r) => ({ contactId: r.contactId, isPatient: r.isPatient, role: r.role })),
    chartMeasureKey: view.chartMeasureKey,
  };
}

export const optionKey = (r: { contactId: string | null; isPatient: boolean }) =>
  r.isPatient ? 'patient' : `contact:${r.contactId}`;

/** The editable parts of a draft letter: recipients, greeting, subject, every section, closing. */
export function LetterEditor(props: {
  view: LetterView;
  draft: LetterDraftState;
  options: RecipientOption[];
  errors: Record<string, string>;
  onChange(next: LetterDraftState): void;
}) {
  const { draft, options, onChange } = props;
  const chosen = new Set(draft.recipients.map(optionKey));
  const available = options.filter((o) => !chosen.has(o.key));
  const set = <K extends keyof LetterDraftState>(key: K, value: LetterDraftState[K]) =>
    onChange({ ...draft, [key]: value });
  const structured = new Map(props.view.document.content.sections.map((s) => [s.key, s]));
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Text fw={650} mb="xs">
          Recipients
        </Text>
        <Stack gap="xs">
          {draft.recipients.length === 0 && <Text c="dimmed">No recipients yet.</Text>}
          {draft.recipients.map((r, i) => {
            const option = options.find((o) => o.key === optionKey(r));
            return (
              <Group key={optionKey(r)} gap="xs" wrap="nowrap" align="flex-start">
                <Select
                  aria-label={`How ${option?.name ?? 'this recipient'} receives the letter`}
                  data={[
                    { value: 'to', label: 'To' },
                    { value: 'cc', label: 'Copy' },
                  ]}
                  value={r.role}
                  allowDeselect={false}
                  w={100}
                  onChange={(v) =>
                    set(
                      'recipients',
                      draft.recipients.map((x, j) => (j === i ? { ...x, role: (v ?? 'to') as 'to' | 'cc' } : x)),
                    )
                  }
                />
                <div style={{ flex: 1 }}>
                  <Text fw={600}>{option?.name ?? 'Unknown recipient'}</Text>
                  <Text size="xs" c={option && option.addressLines.length === 0 ? 'red' : 'dimmed'}>
                    {option?.roleLabel}
                    {option && option.addressLines.length === 0 ? ' · no address on record' : ''}
                  </Text>
                </div>
                <Tooltip label="Remove recipient">
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size={40}
                    aria-label={`Remove ${option?.name ?? 'recipient'}`}
                    onClick={() =>
                      set(
                        'recipients',
                        draft.recipients.filter((_, j) => j !== i),
                      )
                    }
                  >
                    <IconTrash size={18} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            );
          })}
          {available.length > 0 && (
            <Select
              label="Add a recipient"
              placeholder="Care team member or the patient"
              data={available.map((o) => ({ value: o.key, label: `${o.name} (${o.roleLabel})` }))}
              value={null}
              onChange={(key) => {
                const o = options.find((x) => x.key === key);
                if (!o) return;
                const role = draft.recipients.some((x) => x.role === 'to') ? 'cc' : 'to';
                set('recipients', [...draft.recipients, { contactId: o.contactId, isPatient: o.isPatient, role }]);
              }}
            />
          )}
          {props.errors['recipients'] && (
            <Text c="red" size="sm">
              {props.errors['recipients']}
            </Text>
          )}
        </Stack>
      </Paper>
      <TextInput label="Greeting" value={draft.salutation} onChange={(e) => set('salutation', e.currentTarget.value)} />
      <TextInput
        label="Subject line"
        value={draft.subject}
        error={props.errors['subject']}
        onChange={(e) => set('subject', e.currentTarget.value)}
      />
      {draft.sections.map((s, i) => {
        const original = structured.get(s.key);
        const label = s.heading || (i === 0 ? 'Opening paragraph' : 'Paragraph');
        return (
          <Stack key={s.key} gap={4}>
            <Textarea
              label={label}
              description={
                original?.insert === 'outcomes'
                  ? 'The outcomes table and chart below this text come from the Progress comparison and are not edited here.'
                  : original?.insert === 'lesions'
                    ? 'The table of lesions is taken from the bone-lesion record.'
                    : original?.insert === 'decision'
                      ? 'Printed after your signature as a reply slip: the patient’s details, tick boxes for the doctor and where to return it.'
                      : 'Leave empty to leave this section out.'
              }
              autosize
              minRows={2}
              maxRows={14}
              value={s.text}
              error={props.errors[`sections.${i}.text`]}
              onChange={(e) => {
                const text = e.currentTarget.value;
                set(
                  'sections',
                  draft.sections.map((x, j) => (j === i ? { ...x, text } : x)),
                );
              }}
            />
          </Stack>
        );
      })}
      {props.view.chartOptions.length > 0 && (
        <Select
          label="Chart in the PDF"
          description="One measure over time, drawn below the outcomes table"
          data={[
            { value: '', label: 'No chart' },
            ...props.view.chartOptions.map((o) => ({ value: o.key, label: o.name })),
          ]}
          value={draft.chartMeasureKey ?? ''}
          allowDeselect={false}
          onChange={(v) => set('chartMeasureKey', v ? v : null)}
        />
      )}
      <TextInput label="Closing" value={draft.closing} onChange={(e) => set('closing', e.currentTarget.value)} />
      <Group>
        <Button variant="subtle" onClick={() => onChange(draftStateOf(props.view))}>
          Undo unsaved edits
        </Button>
      </Group>
    </Stack>
  );
}
