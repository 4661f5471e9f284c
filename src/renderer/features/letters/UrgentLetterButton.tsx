import { Button } from '@mantine/core';
import { IconMailExclamation } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { showApiError } from '../../components/forms';

/** Drafts an urgent-concern letter pre-filled with what happened and what was done, and opens it. */
export function UrgentLetterButton(props: { patientId: string; adverseEventId?: string; sessionId?: string }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="sm"
      variant="light"
      color="red"
      leftSection={<IconMailExclamation size={16} />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const letter = await api.letters.create({
            patientId: props.patientId,
            type: 'urgent_concern',
            adverseEventId: props.adverseEventId ?? null,
            sessionId: props.sessionId ?? null,
          });
          navigate(`/letters/${letter.id}`);
        } catch (error) {
          showApiError(error, undefined, { title: 'No letter drafted' });
        } finally {
          setBusy(false);
        }
      }}
    >
      Write urgent-concern letter
    </Button>
  );
}
