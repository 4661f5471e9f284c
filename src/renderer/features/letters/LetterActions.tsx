import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { sendMethodLabels, sendMethods, type SendMethod } from '../../../shared/clinical/letters';
import type { LetterView } from '../../../shared/contract/letters';
import { todayLocal } from '../../../shared/dates';
import { formatClinicDate } from '../../dates';
import { clearanceDecisions } from '../../../shared/domain/vocabulary';
import { api } from '../../api';
import { showApiError, showSaved } from '../../components/forms';
import { formatWhen } from '../history/HistoryScreen';
import { ClinicDateInput } from '../../components/ClinicDateInput';

const replyLabels = { awaiting: 'Awaiting reply', overdue: 'Reply overdue', received: 'Reply received' } as const;
const replyColors = { awaiting: 'yellow', overdue: 'orange', received: 'teal' } as const;

/** Reads a chosen file as base64 for the reply's scanned copy. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}

function SendForm({ view, onDone }: { view: LetterView; onDone(v: LetterView): void }) {
  const [method, setMethod] = useState<SendMethod | null>(null);
  const [sentOn, setSentOn] = useState(todayLocal());
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <Group align="flex-end" wrap="wrap">
      <Select
        label="How it was sent"
        data={sendMethods.map((m) => ({ value: m, label: sendMethodLabels[m] }))}
        value={method}
        onChange={(v) => setMethod(v as SendMethod | null)}
        error={errors['method']}
        w={220}
      />
      <ClinicDateInput label="Date sent" value={sentOn} onChange={setSentOn} error={errors['sentOn']} w={180} />
      <Button
        onClick={async () => {
          setErrors({});
          try {
            const next = await api.letters.recordSent({ letterId: view.id, method: method as SendMethod, sentOn });
            showSaved('Recorded as sent');
            onDone(next);
          } catch (error) {
            showApiError(error, { setErrors });
          }
        }}
      >
        Record as sent
      </Button>
    </Group>
  );
}

function ReplyForm({ view, onDone }: { view: LetterView; onDone(v: LetterView): void }) {
  const [decision, setDecision] = useState<string>('');
  const [receivedOn, setReceivedOn] = useState(todayLocal());
  const [restrictions, setRestrictions] = useState('');
  const [reviewBy, setReviewBy] = useState('');
  const [from, setFrom] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = async () => {
    setErrors({});
    try {
      const attachment = file
        ? { fileName: file.name, mimeType: file.type as 'application/pdf', base64: await readBase64(file) }
        : null;
      const next = await api.letters.recordReply({
        letterId: view.id,
        receivedOn,
        decision: decision as 'no_restrictions',
        restrictions: restrictions || null,
        reviewBy: reviewBy || null,
        receivedFromName: from || null,
        attachment,
      });
      showSaved('Reply recorded; the clearance in the intake record is updated');
      onDone(next);
    } catch (error) {
      showApiError(error, { setErrors });
    }
  };
  return (
    <Stack gap="sm">
      <Radio.Group label="The doctor’s guidance" value={decision} onChange={setDecision} error={errors['decision']}>
        <Stack gap={6} mt={6}>
          {clearanceDecisions.values.map((d) => (
            <Radio key={d} value={d} label={clearanceDecisions.labels[d]} />
          ))}
        </Stack>
      </Radio.Group>
      {decision === 'with_restrictions' && (
        <Textarea
          label="Restrictions, as the doctor wrote them"
          value={restrictions}
          onChange={(e) => setRestrictions(e.currentTarget.value)}
          error={errors['restrictions']}
          autosize
          minRows={2}
        />
      )}
      <Group wrap="wrap" align="flex-start">
        <ClinicDateInput
          label="Reply received"
          value={receivedOn}
          onChange={setReceivedOn}
          error={errors['receivedOn']}
          w={180}
        />
        <ClinicDateInput
          label="Review or expiry date (optional)"
          value={reviewBy}
          onChange={setReviewBy}
          error={errors['reviewBy']}
          w={240}
        />
        <TextInput
          label="Who replied (if not the addressee)"
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          error={errors['receivedFromName']}
          w={260}
        />
      </Group>
      <FileInput
        label="Scanned reply (PDF, PNG or JPEG, optional)"
        accept="application/pdf,image/png,image/jpeg"
        value={file}
        onChange={setFile}
        clearable
        error={errors['attachment'] ?? errors['attachment.mimeType'] ?? errors['attachment.base64']}
      />
      <Group>
        <Button onClick={save}>Record reply</Button>
      </Group>
    </Stack>
  );
}

/**
 * What can still happen to a finalised letter: record sending, record the reply, or correct it. Each part
 * is headed, so a screen reader can move between them, and focus has somewhere to land when a part's form
 * is replaced by what it recorded (the reply) or the draft by these parts (after finalising).
 */
export function LetterActions({ view, onChange }: { view: LetterView; onChange(v: LetterView): void }) {
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Group gap="xs" mb="xs">
          <Badge color="grape" variant="filled">
            Finalised
          </Badge>
          {view.replyState && (
            <Badge color={replyColors[view.replyState]} variant="light">
              {replyLabels[view.replyState]}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          Finalised by {view.finalisedByName} on {formatWhen(view.finalisedAt!)}. It cannot be changed; exports give
          back exactly the stored files.
        </Text>
        <Text size="xs" c="dimmed" mt={4} style={{ wordBreak: 'break-all' }}>
          PDF SHA-256 {view.pdfSha256} · DOCX SHA-256 {view.docxSha256}
        </Text>
        {view.correctedById && (
          <Alert color="orange" mt="sm" title="This letter has been corrected">
            <Button variant="light" onClick={() => navigate(`/letters/${view.correctedById}`)}>
              Open the newer version
            </Button>
          </Alert>
        )}
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Text component="h3" fw={650} mb="xs">
          Sent
        </Text>
        {view.sendings.length === 0 && <Text c="dimmed">Not recorded as sent yet.</Text>}
        {view.sendings.map((s) => (
          <Text key={s.id} size="sm">
            {formatClinicDate(s.sentOn)}: {sendMethodLabels[s.method]} to {s.recipients}, by {s.byName}
          </Text>
        ))}
        <SendForm view={view} onDone={onChange} />
      </Paper>
      {view.type === 'guidance_request' && (
        <Paper withBorder p="md" radius="md">
          <Text component="h3" fw={650} mb="xs">
            Reply
          </Text>
          {view.replies.map((r) => (
            <div key={r.id}>
              <Text size="sm">
                {formatClinicDate(r.receivedOn)}: {clearanceDecisions.labels[r.decision]}
                {r.restrictions ? ` (${r.restrictions})` : ''}
                {r.receivedFromName ? `, from ${r.receivedFromName}` : ''}
                {r.attachmentName ? `; scanned reply ${r.attachmentName}` : ''}. Recorded by {r.recordedByName}.
              </Text>
              {r.attachmentName && (
                <Button
                  variant="light"
                  mt="xs"
                  onClick={async () => {
                    try {
                      const saved = await api.letters.saveReplyAttachment({ replyId: r.id });
                      if (saved.path) showSaved(`Scanned reply saved to ${saved.path}`);
                    } catch (error) {
                      showApiError(error, undefined, { title: 'Not saved' });
                    }
                  }}
                >
                  Save a copy of the scanned reply
                </Button>
              )}
            </div>
          ))}
          {view.replies.length === 0 && !view.correctedById && <ReplyForm view={view} onDone={onChange} />}
        </Paper>
      )}
      {!view.correctedById && (
        <Paper withBorder p="md" radius="md">
          <Text component="h3" fw={650} mb="xs">
            Correct this letter
          </Text>
          <Text size="sm" c="dimmed" mb="xs">
            A correction is a new version that points back to this one; this letter stays exactly as it was sent.
          </Text>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label="Reason for the correction"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={error}
              w={360}
            />
            <Button
              variant="light"
              onClick={async () => {
                setError(undefined);
                try {
                  const next = await api.letters.correct({ letterId: view.id, reason });
                  navigate(`/letters/${next.id}`);
                } catch (e) {
                  showApiError(e, { setErrors: (f) => setError(f['reason']) });
                }
              }}
            >
              Write a correction
            </Button>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
