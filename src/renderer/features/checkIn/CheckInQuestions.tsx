import { Alert, Button, Group, Progress, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconCheck } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import {
  esasCompletedBy,
  esasCompletedByLabels,
  esasInstruction,
  esasOtherItem,
} from '../../../shared/clinical/measures';
import { redFlagAnswerLabels, redFlagAnswers } from '../../../shared/clinical/session';
import type { PatientView } from '../../../shared/contract/checkIn';
import { api, ApiError } from '../../api';
import { emptyAnswers, questionCount, steps, toAnswers, type AnswerDraft, type Step } from './answers';
import { ChoiceButtons, ScaleButtons } from './touchControls';

const PROMPT = 40;
const BODY = 22;

function Prompt(props: { children: ReactNode; sub?: ReactNode; size?: number }) {
  return (
    <div>
      <Title order={1} fz={props.size ?? PROMPT} lh={1.2}>
        {props.children}
      </Title>
      {props.sub && (
        <Text fz={BODY} mt="xs">
          {props.sub}
        </Text>
      )}
    </div>
  );
}

const completedByOptions = esasCompletedBy.map((value) => ({ value, label: esasCompletedByLabels[value] }));
const flagOptions = redFlagAnswers.map((value) => ({ value, label: redFlagAnswerLabels[value] }));

function answerText(draft: AnswerDraft, step: Step): string {
  if (step.kind === 'completedBy') return draft.completedBy ? esasCompletedByLabels[draft.completedBy] : 'Not answered';
  if (step.kind === 'esas') {
    const score = draft.esas[step.item.symptom];
    return score === undefined ? 'Not answered' : String(score);
  }
  if (step.kind === 'other') {
    const problem = draft.otherProblem.trim();
    if (!problem) return 'None';
    return `${problem}: ${draft.otherScore ?? 'not rated'}`;
  }
  if (step.kind === 'anythingElse') return draft.anythingElse.trim() || 'Nothing';
  return '';
}

/** "Check answers": every answer with a way back to change it, then the one button that sends them. */
function Review(props: { draft: AnswerDraft; goTo(index: number): void; missingCompletedBy: boolean }) {
  const line = (label: string, value: string, index: number) => (
    <Group key={`${label}-${index}`} justify="space-between" wrap="nowrap" gap="md" py={6}>
      <Text fz={BODY}>
        {label}: <b>{value}</b>
      </Text>
      <Button variant="default" size="lg" h={56} onClick={() => props.goTo(index)} aria-label={`Change: ${label}`}>
        Change
      </Button>
    </Group>
  );
  const rows: ReactNode[] = [];
  steps.forEach((step, index) => {
    if (step.kind === 'completedBy') rows.push(line('Filled in by', answerText(props.draft, step), index));
    if (step.kind === 'esas') rows.push(line(step.item.name, answerText(props.draft, step), index));
    if (step.kind === 'other') rows.push(line(esasOtherItem.name, answerText(props.draft, step), index));
    if (step.kind === 'redFlags') {
      for (const { flag, question } of step.questions) {
        const answer = props.draft.redFlags[flag.id];
        rows.push(line(question, answer ? redFlagAnswerLabels[answer] : 'Not answered', index));
      }
    }
    if (step.kind === 'anythingElse') rows.push(line('Anything else', answerText(props.draft, step), index));
  });
  return (
    <Stack gap="md">
      <Prompt sub="Tap “Change” to go back to a question.">Check your answers</Prompt>
      {props.missingCompletedBy && (
        <Alert color="red" variant="light" fz={BODY}>
          Please say who filled in this form (the first question).
        </Alert>
      )}
      <Stack gap={0}>{rows}</Stack>
    </Stack>
  );
}

/**
 * The questions, one screen at a time: who is filling in the form, the nine ESAS-r symptoms "now"
 * and the optional tenth, the red-flag questions in plain words, anything else, then "Check
 * answers". The answers stay in this component until sent; if it closes unsent they are gone.
 */
export function CheckInQuestions(props: { view: PatientView; onFinished(view: PatientView): void }) {
  const [index, setIndex] = useState(0);
  const [draft, setDraft] = useState<AnswerDraft>(emptyAnswers);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  /** Came here with "Change" from "Check answers": the way back there is one tap, not every screen after. */
  const [changing, setChanging] = useState(false);
  const step = steps[index]!;
  const reviewIndex = steps.length - 1;
  const set = (patch: Partial<AnswerDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const next = () => {
    if (step.kind === 'completedBy' && !draft.completedBy) {
      setProblem('Please choose who is filling in this form.');
      return;
    }
    setProblem(null);
    if (changing) {
      setChanging(false);
      setIndex(reviewIndex);
      return;
    }
    setIndex((i) => Math.min(i + 1, reviewIndex));
  };
  const back = () => {
    setProblem(null);
    setIndex((i) => Math.max(i - 1, 0));
  };
  const send = async () => {
    if (!draft.completedBy) {
      setProblem('completedBy');
      return;
    }
    setSending(true);
    try {
      props.onFinished(await api.checkIn.submit({ checkInId: props.view.checkInId, answers: toAnswers(draft) }));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'Your answers could not be sent. Please ask staff.');
    } finally {
      setSending(false);
    }
  };

  const unanswered =
    (step.kind === 'esas' && draft.esas[step.item.symptom] === undefined) ||
    (step.kind === 'other' && !draft.otherProblem.trim()) ||
    (step.kind === 'redFlags' && step.questions.some((q) => !draft.redFlags[q.flag.id])) ||
    (step.kind === 'anythingElse' && !draft.anythingElse.trim());

  let body: ReactNode;
  switch (step.kind) {
    case 'welcome':
      body = (
        <Stack gap="lg">
          <Title order={1} fz={48}>
            Hello, {props.view.preferredName}
          </Title>
          <Text fz={26} lh={1.4}>
            Before your session, please answer some questions about how you feel today. It takes a few minutes. Your
            exercise specialist will go through your answers with you.
          </Text>
          <Text fz={BODY} c="dimmed">
            If you would like help, please ask a member of staff.
          </Text>
        </Stack>
      );
      break;
    case 'completedBy':
      body = (
        <Stack gap="xl">
          <Prompt>Who is filling in this form?</Prompt>
          <ChoiceButtons
            label="Who is filling in this form?"
            options={completedByOptions}
            value={draft.completedBy}
            onChange={(completedBy) => {
              setProblem(null);
              set({ completedBy });
            }}
          />
        </Stack>
      );
      break;
    case 'esas':
      body = (
        <Stack gap="xl">
          <Text fz={BODY}>{esasInstruction}:</Text>
          <Prompt sub={step.item.definition ? `(${step.item.definition})` : undefined}>{step.item.name}</Prompt>
          <ScaleButtons
            label={`${step.item.name} now, from 0 (${step.item.low.toLowerCase()}) to 10 (${step.item.high.toLowerCase()})`}
            low={step.item.low}
            high={step.item.high}
            value={draft.esas[step.item.symptom] ?? null}
            onChange={(score) => set({ esas: { ...draft.esas, [step.item.symptom]: score } })}
          />
        </Stack>
      );
      break;
    case 'other': {
      const named = draft.otherProblem.trim();
      body = (
        <Stack gap="lg">
          <Prompt sub={`Only if you have another problem (${esasOtherItem.example}).`}>Any other problem?</Prompt>
          <TextInput
            label="Other problem"
            size="xl"
            autoComplete="off"
            maxLength={80}
            value={draft.otherProblem}
            onChange={(e) => set({ otherProblem: e.currentTarget.value })}
          />
          {named && (
            <ScaleButtons
              label={`${named} now, from 0 (none) to 10 (worst possible)`}
              low={`No ${named.toLowerCase()}`}
              high={`Worst possible ${named.toLowerCase()}`}
              value={draft.otherScore}
              onChange={(otherScore) => set({ otherScore })}
            />
          )}
        </Stack>
      );
      break;
    }
    case 'redFlags':
      body = (
        <Stack gap="md">
          <Prompt size={32}>Today, please tell us:</Prompt>
          {step.questions.map(({ flag, question }) => (
            <Stack key={flag.id} gap={8}>
              <Text fz={BODY} fw={600} lh={1.3}>
                {question}
              </Text>
              <ChoiceButtons
                label={question}
                options={flagOptions}
                value={draft.redFlags[flag.id] ?? null}
                onChange={(answer) => set({ redFlags: { ...draft.redFlags, [flag.id]: answer } })}
              />
            </Stack>
          ))}
        </Stack>
      );
      break;
    case 'anythingElse':
      body = (
        <Stack gap="lg">
          <Prompt sub="Optional. Only staff at this clinic will read it.">Anything else we should know today?</Prompt>
          <Textarea
            label="Anything else we should know today?"
            size="xl"
            autoComplete="off"
            minRows={4}
            autosize
            maxLength={2000}
            value={draft.anythingElse}
            onChange={(e) => set({ anythingElse: e.currentTarget.value })}
          />
        </Stack>
      );
      break;
    case 'review':
      body = (
        <Review
          draft={draft}
          goTo={(i) => {
            setChanging(true);
            setIndex(i);
          }}
          missingCompletedBy={problem === 'completedBy'}
        />
      );
      break;
  }

  const question = index >= 1 && index <= questionCount ? index : null;
  return (
    <Stack gap="lg" style={{ flex: 1 }}>
      {question !== null && (
        <div>
          <Text fz={20} fw={600} aria-live="polite">
            Question {question} of {questionCount}
          </Text>
          <Progress value={(question / questionCount) * 100} size="md" mt={4} aria-hidden />
        </div>
      )}
      <div style={{ flex: 1 }}>{body}</div>
      {problem && problem !== 'completedBy' && (
        <Alert color="red" variant="light" fz={BODY} role="alert">
          {problem}
        </Alert>
      )}
      <Group
        justify="space-between"
        wrap="nowrap"
        py="sm"
        // Always in the same place, in reach, even when a screen scrolls ("Check answers").
        style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)' }}
      >
        {index > 0 ? (
          <Button variant="default" size="xl" h={72} leftSection={<IconArrowLeft size={26} />} onClick={back}>
            Back
          </Button>
        ) : (
          <span />
        )}
        {step.kind === 'welcome' ? (
          <Button size="xl" h={72} rightSection={<IconArrowRight size={26} />} onClick={next}>
            Start
          </Button>
        ) : step.kind === 'review' ? (
          <Button size="xl" h={72} leftSection={<IconCheck size={26} />} loading={sending} onClick={send}>
            Done — hand back to staff
          </Button>
        ) : index === steps.length - 2 || changing ? (
          <Button size="xl" h={72} rightSection={<IconArrowRight size={26} />} onClick={next}>
            Check answers
          </Button>
        ) : (
          <Button
            size="xl"
            h={72}
            variant={unanswered ? 'default' : 'filled'}
            rightSection={<IconArrowRight size={26} />}
            onClick={next}
          >
            {unanswered ? 'Skip' : 'Next'}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
