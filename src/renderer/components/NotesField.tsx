import { Textarea } from '@mantine/core';

/**
 * A long free-text note with its character count, and any refusal, above the box: a message under
 * a tall box is out of view while typing.
 */
export function NotesField(props: {
  label: string;
  value: string;
  max: number;
  error?: string | undefined;
  mt?: string;
  onChange(value: string): void;
}) {
  const count = props.value.length;
  return (
    <Textarea
      mt={props.mt}
      label={props.label}
      description={`${count.toLocaleString()} / ${props.max.toLocaleString()} characters`}
      inputWrapperOrder={['label', 'description', 'error', 'input']}
      autosize
      minRows={2}
      maxRows={14}
      value={props.value}
      error={
        props.error ?? (count > props.max ? `Keep the notes to ${props.max.toLocaleString()} characters` : undefined)
      }
      onChange={(e) => props.onChange(e.currentTarget.value)}
    />
  );
}
