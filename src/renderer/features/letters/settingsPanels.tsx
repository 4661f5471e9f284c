import {
  Badge,
  Button,
  Code,
  FileInput,
  Group,
  Image,
  NumberInput,
  Select,
  SimpleGrid,
  Spoiler,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { createElement, useEffect, useState } from 'react';
import {
  letterDate,
  letterTypeLabels,
  letterTypes,
  type LetterTemplate,
  type LetterType,
} from '../../../shared/clinical/letters';
import { todayLocal } from '../../../shared/dates';
import type { LetterSettingsView } from '../../../shared/contract/letters';
import { api } from '../../api';
import { showApiError, showSaved } from '../../components/forms';
import type { SettingsPanel } from '../settings/panels';

function useLetterSettings() {
  const [view, setView] = useState<LetterSettingsView | null>(null);
  useEffect(() => {
    api.letters
      .settings({})
      .then(setView)
      .catch((e: unknown) => showApiError(e));
  }, []);
  return [view, setView] as const;
}

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** An image setting (logo, signature): choose a file, see it, or remove it. Checked again in main. */
function ImageField(props: { label: string; value: string | null; error?: string; onChange(v: string | null): void }) {
  return (
    <Stack gap={4}>
      <FileInput
        label={props.label}
        description="PNG or JPEG, up to 2 MB"
        accept="image/png,image/jpeg"
        placeholder="Choose an image"
        error={props.error}
        onChange={async (file) => props.onChange(file ? await readDataUrl(file) : null)}
      />
      {props.value && (
        <Group gap="xs">
          <Image src={props.value} alt={props.label} mah={56} w="auto" fit="contain" />
          <Button variant="subtle" color="red" onClick={() => props.onChange(null)}>
            Remove
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function LetterheadPanel() {
  const [view, setView] = useLetterSettings();
  const [form, setForm] = useState<LetterSettingsView['letterhead'] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (view) setForm(view.letterhead);
  }, [view]);
  if (!form) return <Text c="dimmed">Loading…</Text>;
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm({ ...form, [k]: v });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Printed at the top of every letter, beside the clinic name ({form.clinicName}), and as the return address on a
        guidance request’s reply slip, which needs at least one of address, phone or email.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Textarea
          label="Clinic address"
          autosize
          minRows={3}
          value={form.address ?? ''}
          error={errors['address']}
          onChange={(e) => set('address', e.currentTarget.value)}
        />
        <Stack gap="sm">
          <TextInput
            label="Clinic phone"
            value={form.phone ?? ''}
            error={errors['phone']}
            onChange={(e) => set('phone', e.currentTarget.value)}
          />
          <TextInput
            label="Clinic email"
            value={form.email ?? ''}
            error={errors['email']}
            onChange={(e) => set('email', e.currentTarget.value)}
          />
        </Stack>
        <Select
          label="Paper size"
          data={[
            { value: 'A4', label: 'A4' },
            { value: 'LETTER', label: 'US Letter' },
          ]}
          value={form.paper}
          allowDeselect={false}
          onChange={(v) => set('paper', (v ?? 'A4') as 'A4' | 'LETTER')}
        />
        <Text size="sm" c="dimmed" mt="lg">
          Dates in letters follow Settings → Dates, with the month written out: today is{' '}
          {letterDate(todayLocal(), { dateOrder: form.dateOrder })}.
        </Text>
      </SimpleGrid>
      <ImageField label="Clinic logo" value={form.logo} error={errors['logo']} onChange={(v) => set('logo', v)} />
      <Group>
        <Button
          onClick={async () => {
            setErrors({});
            try {
              const { clinicName, dateOrder, ...rest } = form;
              void clinicName;
              void dateOrder;
              setView(
                await api.letters.saveLetterhead({
                  ...rest,
                  address: rest.address || null,
                  phone: rest.phone || null,
                  email: rest.email || null,
                }),
              );
              showSaved('Letterhead saved');
            } catch (error) {
              showApiError(error, { setErrors });
            }
          }}
        >
          Save letterhead
        </Button>
      </Group>
    </Stack>
  );
}

function SignaturePanel() {
  const [view, setView] = useLetterSettings();
  const [form, setForm] = useState<LetterSettingsView['signatory'] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (view) setForm(view.signatory);
  }, [view]);
  if (!form) return <Text c="dimmed">Loading…</Text>;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        How letters you write are signed: {form.name}.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Credentials"
          placeholder="e.g. Accredited Exercise Physiologist, MClinExPhys"
          value={form.credentials ?? ''}
          error={errors['credentials']}
          onChange={(e) => setForm({ ...form, credentials: e.currentTarget.value })}
        />
        <TextInput
          label="Registration number"
          value={form.registrationNumber ?? ''}
          error={errors['registrationNumber']}
          onChange={(e) => setForm({ ...form, registrationNumber: e.currentTarget.value })}
        />
      </SimpleGrid>
      <ImageField
        label="Signature image (optional)"
        value={form.signature}
        error={errors['signature']}
        onChange={(v) => setForm({ ...form, signature: v })}
      />
      <Group>
        <Button
          onClick={async () => {
            setErrors({});
            try {
              setView(
                await api.letters.saveSignatory({
                  credentials: form.credentials || null,
                  registrationNumber: form.registrationNumber || null,
                  signature: form.signature,
                }),
              );
              showSaved('Signature saved');
            } catch (error) {
              showApiError(error, { setErrors });
            }
          }}
        >
          Save signature
        </Button>
      </Group>
    </Stack>
  );
}

function TemplatesPanel() {
  const [view, setView] = useLetterSettings();
  const [type, setType] = useState<LetterType>('reassessment');
  const [template, setTemplate] = useState<LetterTemplate | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const current = view?.templates.find((t) => t.type === type);
  useEffect(() => {
    if (current) setTemplate(current.template);
    setErrors({});
  }, [current]);
  if (!view || !template || !current) return <Text c="dimmed">Loading…</Text>;
  const save = async () => {
    setErrors({});
    try {
      setView(await api.letters.saveTemplate({ type, template }));
      showSaved(`${letterTypeLabels[type]} template saved`);
    } catch (error) {
      showApiError(error, {
        setErrors: (f) =>
          setErrors(Object.fromEntries(Object.entries(f).map(([k, v]) => [k.replace(/^template\./, ''), v]))),
      });
    }
  };
  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <Select
          label="Letter type"
          data={letterTypes.map((t) => ({ value: t, label: letterTypeLabels[t] }))}
          value={type}
          allowDeselect={false}
          onChange={(v) => setType((v ?? 'reassessment') as LetterType)}
          w={360}
        />
        <Badge variant="light" color={current.isBuiltIn ? 'gray' : 'teal'} mb={8}>
          {current.isBuiltIn ? 'Built-in wording' : 'Clinic’s own wording'}
        </Badge>
      </Group>
      <Spoiler maxHeight={0} showLabel="Show the merge fields" hideLabel="Hide the merge fields">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4}>
          {Object.entries(view.mergeFields).map(([field, meaning]) => (
            <Text key={field} size="xs">
              <Code>{`{{${field}}}`}</Code> {meaning}
            </Text>
          ))}
        </SimpleGrid>
      </Spoiler>
      <TextInput
        label="Subject"
        value={template.subject}
        error={errors['subject']}
        onChange={(e) => setTemplate({ ...template, subject: e.currentTarget.value })}
      />
      <TextInput
        label="Greeting"
        value={template.salutation}
        error={errors['salutation']}
        onChange={(e) => setTemplate({ ...template, salutation: e.currentTarget.value })}
      />
      {template.sections.map((s, i) => (
        <Textarea
          key={s.key}
          label={`${s.heading || 'Opening paragraph'} (${s.key})`}
          autosize
          minRows={2}
          maxRows={10}
          value={s.text}
          error={errors[`sections.${i}.text`] ?? errors[`sections.${i}.heading`]}
          onChange={(e) => {
            const text = e.currentTarget.value;
            setTemplate({ ...template, sections: template.sections.map((x, j) => (j === i ? { ...x, text } : x)) });
          }}
        />
      ))}
      <TextInput
        label="Closing"
        value={template.closing}
        error={errors['closing']}
        onChange={(e) => setTemplate({ ...template, closing: e.currentTarget.value })}
      />
      <Group>
        <Button onClick={() => void save()}>Save template</Button>
        <Button
          variant="default"
          disabled={current.isBuiltIn}
          onClick={async () => {
            try {
              setView(await api.letters.resetTemplate({ type }));
              showSaved('Built-in wording restored');
            } catch (error) {
              showApiError(error);
            }
          }}
        >
          Restore built-in wording
        </Button>
      </Group>
    </Stack>
  );
}

function ReplyWaitPanel() {
  const [view, setView] = useLetterSettings();
  const [days, setDays] = useState<number | string>('');
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    if (view) setDays(view.replyWaitDays);
  }, [view]);
  if (!view) return <Text c="dimmed">Loading…</Text>;
  return (
    <Group align="flex-end">
      <NumberInput
        label="Days to wait for a reply to a guidance request (clinic policy)"
        description="After this, the patient is flagged on the caseload and Today. Default 14; no source sets it."
        min={1}
        max={90}
        value={days}
        onChange={setDays}
        error={error}
        w={460}
      />
      <Button
        onClick={async () => {
          setError(undefined);
          try {
            setView(await api.letters.setReplyWaitDays({ days: Number(days) }));
            showSaved('Reply wait updated');
          } catch (e) {
            showApiError(e, { setErrors: (f) => setError(f['days']) });
          }
        }}
      >
        Save
      </Button>
    </Group>
  );
}

export const lettersSettingsPanels: SettingsPanel[] = [
  { id: 'letterhead', title: 'Letterhead', element: createElement(LetterheadPanel) },
  { id: 'signature', title: 'My signature on letters', element: createElement(SignaturePanel) },
  { id: 'letter-templates', title: 'Letter templates', element: createElement(TemplatesPanel) },
  { id: 'letter-replies', title: 'Replies to guidance requests', element: createElement(ReplyWaitPanel) },
];
