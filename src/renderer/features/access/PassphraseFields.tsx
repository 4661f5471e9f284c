import { PasswordInput, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { PASSPHRASE_MIN } from '../../../shared/access/passphrase';

/** A new passphrase typed twice, with the rule said up front rather than after a refusal. */
export function PassphraseFields<T extends { passphrase: string; confirmPassphrase: string }>(props: {
  form: UseFormReturnType<T>;
  label?: string;
}) {
  const { form } = props;
  return (
    <Stack gap="sm">
      <PasswordInput
        label={props.label ?? 'Passphrase'}
        description={`At least ${PASSPHRASE_MIN} characters, without the sign-in name in it. A few unrelated words are easy to type and hard to guess.`}
        withAsterisk
        autoComplete="new-password"
        {...form.getInputProps('passphrase')}
      />
      <PasswordInput
        label="Type the passphrase again"
        withAsterisk
        autoComplete="new-password"
        {...form.getInputProps('confirmPassphrase')}
      />
    </Stack>
  );
}
