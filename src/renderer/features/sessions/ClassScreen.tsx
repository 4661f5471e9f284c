import { Badge, Box, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { GroupClass } from '../../../shared/contract/sessions';
import { formatClinicDate } from '../../dates';
import { api } from '../../api';
import { showApiError } from '../../components/forms';
import { SessionRecorder, type RecorderStatus } from './SessionRecorder';
import { useExerciseLibrary } from './useLibrary';
import { BackLink } from '../../components/BackLink';

/** From this width three patients fit side by side with every field label on one line (checked in e2e); below it, one at a time. */
export const SIDE_BY_SIDE_MIN_PX = 1700;

/**
 * A group class: each patient with their own screen, decision and log. On a wide screen they sit
 * side by side; on a laptop or tablet one patient fills the width and a switcher with each
 * patient's status chip moves between them (every patient stays mounted, so drafts keep saving).
 */
export function ClassScreen() {
  const { classId = '' } = useParams();
  const [cls, setCls] = useState<GroupClass | null>(null);
  const library = useExerciseLibrary();
  const wide = useMediaQuery(`(min-width: ${SIDE_BY_SIDE_MIN_PX}px)`, false, { getInitialValueInEffect: false });
  const [statuses, setStatuses] = useState<Record<string, RecorderStatus>>({});
  const [active, setActive] = useState(0);
  const strip = useRef<HTMLDivElement>(null);

  useEffect(() => {
    api.classes
      .get({ classId })
      .then(setCls)
      .catch((e: unknown) => showApiError(e, undefined, { title: 'Could not open the class' }));
  }, [classId]);

  const onStatus = useCallback((status: RecorderStatus) => {
    setStatuses((all) => {
      const was = all[status.sessionId];
      return was?.label === status.label && was.color === status.color ? all : { ...all, [status.sessionId]: status };
    });
  }, []);

  // The strip shows the active patient. It is not scrolled by hand (overflow hidden): the switcher,
  // or focus moving into another patient (Tab, a click), changes the active patient, and a resize
  // keeps it in view. While a pointer is down nothing moves, so a click is never pulled from under it.
  const shown = useRef(0);
  const pointerDown = useRef(false);
  const sideBySide = useRef(wide);
  const align = useCallback(() => {
    const el = strip.current;
    const panel = el?.children[shown.current] as HTMLElement | undefined;
    if (!el || !panel || pointerDown.current || sideBySide.current) return;
    el.scrollLeft = panel.offsetLeft - el.offsetLeft;
  }, []);
  useLayoutEffect(() => {
    sideBySide.current = wide;
    if (wide && strip.current) strip.current.scrollLeft = 0;
    shown.current = active;
    align();
  }, [active, cls, wide, align]);
  useEffect(() => {
    const el = strip.current;
    if (!el) return;
    const observer = new ResizeObserver(align);
    observer.observe(el);
    const release = () => {
      if (!pointerDown.current) return;
      pointerDown.current = false;
      requestAnimationFrame(align);
    };
    const realign = () => requestAnimationFrame(align);
    window.addEventListener('pointerup', release);
    window.addEventListener('pointercancel', release);
    window.addEventListener('resize', realign);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', realign);
      window.removeEventListener('pointerup', release);
      window.removeEventListener('pointercancel', release);
    };
  }, [cls, wide, align]);

  if (!cls) return <Text c="dimmed">Opening the class…</Text>;
  const count = cls.sessionIds.length;
  return (
    <Stack gap="sm">
      <BackLink to="/today" spokenArrow>
        Today
      </BackLink>
      <Group justify="space-between">
        <Title order={2}>{cls.name}</Title>
        <Text c="dimmed">
          {formatClinicDate(cls.date)} at {cls.startTime} · {count} patients
        </Text>
      </Group>
      {!wide && (
        <Box
          component="nav"
          aria-label="Patients in this class"
          py={6}
          style={{
            position: 'sticky',
            top: 'var(--app-shell-header-height, 64px)',
            zIndex: 20,
            background: 'var(--mantine-color-body)',
            borderBottom: '1px solid var(--mantine-color-default-border)',
          }}
        >
          <Group gap="xs" wrap="wrap">
            {cls.sessionIds.map((id, index) => {
              const status = statuses[id];
              const current = index === active;
              return (
                <UnstyledButton
                  key={id}
                  aria-current={current ? 'true' : undefined}
                  aria-label={`${status?.patientName ?? `Patient ${index + 1}`}: ${status?.label ?? 'opening'}`}
                  onClick={() => setActive(index)}
                  px="sm"
                  py={6}
                  style={{
                    borderRadius: 'var(--mantine-radius-md)',
                    border: `2px solid ${current ? 'var(--mantine-primary-color-filled)' : 'var(--mantine-color-default-border)'}`,
                    background: current ? 'var(--mantine-primary-color-light)' : undefined,
                    minHeight: 44,
                  }}
                >
                  <Group gap={8} wrap="nowrap">
                    <Text fw={current ? 700 : 550} size="md">
                      {status?.patientName ?? '…'}
                    </Text>
                    {status && (
                      <Badge color={status.color} variant={status.color === 'gray' ? 'outline' : 'light'} size="md">
                        {status.label}
                      </Badge>
                    )}
                  </Group>
                </UnstyledButton>
              );
            })}
          </Group>
        </Box>
      )}
      {/* One tree for both layouts: crossing the cut-off restyles the panels but never remounts a
          patient's recorder, so focus, open dialogs and typing survive a window resize. */}
      <Box
        ref={strip}
        onPointerDownCapture={() => {
          pointerDown.current = true;
        }}
        pb={wide ? 'md' : undefined}
        style={
          wide
            ? {
                display: 'grid',
                gap: 'var(--mantine-spacing-md)',
                alignItems: 'start',
                gridTemplateColumns: `repeat(${count}, minmax(360px, 1fr))`,
                overflowX: 'auto',
                maxWidth: 'calc(100vw - 260px)',
              }
            : { display: 'flex', alignItems: 'flex-start', overflow: 'hidden', maxWidth: 'calc(100vw - 260px)' }
        }
      >
        {cls.sessionIds.map((id, index) => (
          <Box
            key={id}
            style={wide ? { minWidth: 0 } : { flex: '0 0 100%', minWidth: 0, paddingBottom: 16 }}
            onFocus={wide ? undefined : () => setActive(index)}
          >
            <SessionRecorder sessionId={id} compact={wide ? true : undefined} library={library} onStatus={onStatus} />
          </Box>
        ))}
      </Box>
    </Stack>
  );
}
