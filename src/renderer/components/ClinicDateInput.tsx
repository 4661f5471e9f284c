import { ActionIcon, Group, TextInput, type TextInputProps } from '@mantine/core';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { dateOrderPatterns, formatDateAs, isClinicDate, parseClockTime, parseDateAs } from '../../shared/dates';
import { useClinicDateFormat } from '../dates';

export type ClinicDateInputProps = Omit<
  DateInputProps,
  'value' | 'onChange' | 'valueFormat' | 'dateParser' | 'defaultValue'
> & {
  /** `YYYY-MM-DD`, or '' / null for none; the contract's form whatever the clinic's format. */
  value?: string | null;
  onChange?(value: string): void;
};

/**
 * A date typed in the clinic's order (Settings) and shown back with the month named, so 03/04 is
 * never read two ways. Typing is the main way in; the calendar opens from its button only, so it
 * never covers the next field. A date that cannot be read is refused on the field, quoting it.
 */
export function ClinicDateInput({ value, onChange, onBlur, onKeyDown, error, label, ...rest }: ClinicDateInputProps) {
  const { display } = useClinicDateFormat();
  const [opened, setOpened] = useState(false);
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const pattern = dateOrderPatterns[display.order];
  const dateValue = value && isClinicDate(value) ? value : null;
  const name = typeof label === 'string' ? label : 'date';
  return (
    <DateInput
      {...rest}
      label={label}
      value={dateValue}
      clearable
      // Named like the calendar button: not after the field, so the field's label finds the field alone.
      clearButtonProps={{ 'aria-label': 'Clear the date', title: `Clear ${name.toLowerCase()}` }}
      placeholder={rest.placeholder ?? pattern}
      valueFormat={(date) => formatDateAs(date, display)}
      dateParser={(text) => parseDateAs(text, display.order)}
      error={unreadable ?? error}
      onChange={(next) => {
        setUnreadable(null);
        setOpened(false);
        onChange?.(next ?? '');
      }}
      onBlur={(event) => {
        const typed = event.currentTarget.value.trim();
        // The input reverts to the last good date on blur; say so rather than lose what was typed.
        if (typed !== '' && parseDateAs(typed, display.order) === null && typed !== formatDateAs(dateValue, display)) {
          setUnreadable(`“${typed}” is not a date: enter it as ${pattern}`);
          onChange?.(typed);
        }
        onBlur?.(event);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setOpened(false);
        onKeyDown?.(event);
      }}
      popoverProps={{ opened, onClose: () => setOpened(false), transitionProps: { duration: 0 } }}
      rightSectionPointerEvents="all"
      rightSection={
        rest.disabled || rest.readOnly ? undefined : (
          <ActionIcon
            variant="subtle"
            color="gray"
            // Not named after the field, so the field's label finds the field alone.
            aria-label="Pick from a calendar"
            title={`Pick ${name.toLowerCase()} from a calendar`}
            onClick={() => setOpened((o) => !o)}
            // The calendar is opened from here, so Escape here closes it (the field's own Escape does too).
            onKeyDown={(event) => {
              if (event.key === 'Escape') setOpened(false);
            }}
          >
            <IconCalendar size={18} stroke={1.6} />
          </ActionIcon>
        )
      }
    />
  );
}

/**
 * A time of day on the 24-hour clock, typed as text (`HH:MM`): the browser's own time field follows
 * the computer's locale and shows "10:00 AM" where the rest of Pacewise writes 10:00. What cannot be
 * read is refused on the field, quoting it; the value is `HH:mm`, or '' for none.
 */
export function ClinicTimeInput({
  value,
  onChange,
  onBlur,
  error,
  ...rest
}: Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  value?: string | null;
  onChange?(value: string): void;
}) {
  const [typed, setTyped] = useState<string | null>(null);
  const [unreadable, setUnreadable] = useState<string | null>(null);
  return (
    <TextInput
      placeholder="HH:MM"
      inputMode="numeric"
      autoComplete="off"
      {...rest}
      value={typed ?? value ?? ''}
      error={unreadable ?? error}
      onChange={(event) => {
        const text = event.currentTarget.value;
        setTyped(text);
        setUnreadable(null);
        const time = parseClockTime(text);
        if (time !== null || text.trim() === '') onChange?.(time ?? '');
      }}
      onBlur={(event) => {
        if (typed !== null) {
          if (typed.trim() !== '' && parseClockTime(typed) === null) {
            setUnreadable(`“${typed.trim()}” is not a time: enter it on the 24-hour clock, as 16:30`);
          } else {
            setTyped(null);
          }
        }
        onBlur?.(event);
      }}
    />
  );
}

/**
 * A local date and time (`YYYY-MM-DDTHH:mm`): the date in the clinic's format, the time on the
 * 24-hour clock, so neither part depends on the browser's locale.
 */
export function ClinicDateTimeInput(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: ReactNode;
}) {
  const [date = '', time = ''] = props.value.split('T');
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <ClinicDateInput
        label={props.label}
        value={date}
        error={props.error}
        onChange={(next) => props.onChange(next ? `${next}T${time || '00:00'}` : '')}
        w={200}
      />
      <ClinicTimeInput
        label="Time"
        aria-label={`${props.label}: time`}
        value={time.slice(0, 5)}
        onChange={(next) => props.onChange(`${date}T${next}`)}
        w={120}
      />
    </Group>
  );
}
