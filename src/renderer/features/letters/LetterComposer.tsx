import { Alert, Badge, Button, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypeDocx, IconFileTypePdf } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { letterTypeLabels, type LetterDocument } from '../../../shared/clinical/letters';
import type { LetterView, RecipientOption } from '../../../shared/contract/letters';
import { api } from '../../api';
import { BackLink } from '../../components/BackLink';
import { showApiError } from '../../components/forms';
import { Loading } from '../patients/shared';
import { LetterActions } from './LetterActions';
import { draftStateOf, LetterEditor, optionKey, type LetterDraftState } from './LetterEditor';
import { LetterPreview } from './LetterPreview';

const AUTOSAVE_MS = 800;

/** The preview follows every keystroke: the saved document with the unsaved edits laid over it. */
function previewOf(view: LetterView, draft: LetterDraftState, options: RecipientOption[]): LetterDocument {
  const content = view.document.content;
  return {
    ...view.document,
    content: {
      ...content,
      subject: draft.subject,
      salutation: draft.salutation,
      closing: draft.closing,
      sections: content.sections.map((s) => {
        const edited = draft.sections.find((e) => e.key === s.key);
        return edited ? { ...s, heading: edited.heading, text: edited.text } : s;
      }),
    },
    recipients: draft.recipients.flatMap((r) => {
      const o = options.find((x) => x.key === optionKey(r));
      return o
        ? [{ contactId: o.contactId, isPatient: o.isPatient, role: r.role, name: o.name, addressLines: o.addressLines }]
        : [];
    }),
  };
}

/** Writes a letter: edit on the left, the letter as it will be sent on the right; autosaves like a session draft. */
export function LetterComposer() {
  const { letterId = '' } = useParams();
  const [view, setView] = useState<LetterView | null>(null);
  const [options, setOptions] = useState<RecipientOption[]>([]);
  const [draft, setDraft] = useState<LetterDraftState | null>(null);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const latest = useRef<LetterDraftState | null>(null);

  const load = useCallback(async () => {
    try {
      const v = await api.letters.get({ letterId });
      setView(v);
      setDraft(draftStateOf(v));
      setDirty(false);
      setOptions(await api.letters.recipientOptions({ patientId: v.patientId }));
    } catch (error) {
      showApiError(error, undefined, { title: 'Could not open the letter' });
    }
  }, [letterId]);
  useEffect(() => {
    void load();
  }, [load]);

  const save = useCallback(async () => {
    const state = latest.current;
    if (!state || !view || view.status !== 'draft') return view;
    setSaving(true);
    setErrors({});
    try {
      const next = await api.letters.saveDraft({ letterId: view.id, ...state });
      setView(next);
      if (latest.current === state) setDirty(false);
      return next;
    } catch (error) {
      showApiError(error, { setErrors });
      return null;
    } finally {
      setSaving(false);
    }
  }, [view]);

  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [dirty, draft, save]);

  const preview = useMemo(() => (view && draft ? previewOf(view, draft, options) : null), [view, draft, options]);
  if (!view || !draft || !preview) return <Loading />;
  const isDraft = view.status === 'draft';

  const exportAs = async (format: 'pdf' | 'docx') => {
    setBusy(format);
    try {
      if (dirty) await save();
      const result = await api.letters.export({ letterId: view.id, format });
      if (result.path) {
        notifications.show({
          color: 'teal',
          title: `${format === 'pdf' ? 'PDF' : 'Word document'} saved`,
          message: result.path,
          autoClose: 6000,
        });
      }
    } catch (error) {
      showApiError(error, undefined, { title: 'Not exported' });
    } finally {
      setBusy(null);
    }
  };

  const finalise = async () => {
    setBusy('finalise');
    try {
      if (dirty && !(await save())) return;
      const next = await api.letters.finalise({ letterId: view.id });
      setView(next);
      setDraft(draftStateOf(next));
      setConfirming(false);
      notifications.show({
        color: 'teal',
        title: 'Letter finalised',
        message: 'It is in the register and cannot be changed.',
      });
    } catch (error) {
      setConfirming(false);
      showApiError(error, { setErrors }, { title: 'Not finalised' });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="md">
      <BackLink to={`/patients/${view.patientId}/letters`}>{view.patientName}’s letters</BackLink>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={2}>{letterTypeLabels[view.type]}</Title>
          <Group gap="xs" mt={4}>
            <Text c="dimmed">
              {view.patientName} · version {view.version} · started by {view.createdByName}
            </Text>
            <Badge color={isDraft ? 'gray' : 'grape'} variant={isDraft ? 'outline' : 'filled'}>
              {isDraft ? 'Draft' : 'Finalised'}
            </Badge>
            {isDraft && (
              <Text size="sm" c="dimmed" aria-live="polite">
                {saving ? 'Saving…' : dirty ? 'Unsaved changes' : 'All changes saved'}
              </Text>
            )}
          </Group>
        </div>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconFileTypePdf size={18} />}
            loading={busy === 'pdf'}
            onClick={() => void exportAs('pdf')}
          >
            Export PDF
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileTypeDocx size={18} />}
            loading={busy === 'docx'}
            onClick={() => void exportAs('docx')}
          >
            Export Word
          </Button>
          {isDraft && (
            <Button color="grape" onClick={() => setConfirming(true)} disabled={view.problems.length > 0 && !dirty}>
              Finalise…
            </Button>
          )}
        </Group>
      </Group>
      {isDraft && view.problems.length > 0 && (
        <Alert color="orange" title="Before this letter can be finalised">
          <Stack gap={4}>
            {view.problems.map((p) => (
              <Text key={p} size="sm">
                {p}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <div>
          {isDraft ? (
            <LetterEditor
              view={view}
              draft={draft}
              options={options}
              errors={errors}
              onChange={(next) => {
                latest.current = next;
                setDraft(next);
                setDirty(true);
              }}
            />
          ) : (
            <LetterActions view={view} onChange={setView} />
          )}
        </div>
        <LetterPreview document={preview} draft={isDraft} />
      </SimpleGrid>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Finalise this letter?" centered>
        <Stack>
          <Text size="sm">
            Finalising stores this letter, its PDF and its Word file exactly as they are now. It cannot be changed
            afterwards; a mistake is put right with a correction, which is a new version.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Keep editing
            </Button>
            <Button color="grape" loading={busy === 'finalise'} onClick={() => void finalise()}>
              Finalise letter
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
