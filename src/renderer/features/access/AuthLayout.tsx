import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';

/** The frame of every screen shown before the caseload opens: one card, centred, nothing behind it. */
export function AuthLayout(props: {
  title: string;
  intro?: ReactNode;
  onSubmit?: FormEventHandler<HTMLFormElement>;
  label: string;
  width?: number;
  children: ReactNode;
}) {
  return (
    <Center mih="100vh" p="lg" bg="var(--mantine-color-body)">
      <Paper
        withBorder
        shadow="sm"
        p="xl"
        radius="lg"
        w={props.width ?? 520}
        maw="100%"
        component="form"
        onSubmit={props.onSubmit}
        noValidate
        aria-label={props.label}
      >
        <Stack gap="md">
          <div>
            <Title order={1} size="h2">
              {props.title}
            </Title>
            {props.intro && (
              <Text c="dimmed" mt={4}>
                {props.intro}
              </Text>
            )}
          </div>
          {props.children}
        </Stack>
      </Paper>
    </Center>
  );
}
