import { Badge, Button, Checkbox, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { dateOrderPatterns, dateOrders, formatDateAs, todayLocal, type DateOrder } from '../../../shared/dates';
import { showApiError, showSaved } from '../../components/forms';
import { useClinicDateFormat } from '../../dates';

const orderLabels: Record<DateOrder, string> = {
  DMY: `Day first: ${dateOrderPatterns.DMY}`,
  MDY: `Month first: ${dateOrderPatterns.MDY}`,
  YMD: `Year first: ${dateOrderPatterns.YMD}`,
};

/** How dates are typed and shown on every screen; letters always name the month. */
export function DateFormatPanel() {
  const { display, saved, localeDefault, save } = useClinicDateFormat();
  const [order, setOrder] = useState<DateOrder>(display.order);
  const [monthNames, setMonthNames] = useState(display.monthNames);
  const today = todayLocal();
  const locale = navigator.language || 'en';
  const submit = async (format: { order: DateOrder; monthNames: boolean } | null) => {
    try {
      await save(format);
      showSaved('Date format saved');
    } catch (error) {
      showApiError(error);
    }
  };
  return (
    <Stack gap="sm">
      <Group gap="xs">
        {saved ? (
          <Badge variant="light">Chosen for this clinic</Badge>
        ) : (
          <Badge variant="light" color="gray">
            Default from this computer&apos;s locale ({locale})
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        This computer&apos;s locale ({locale}) suggests {dateOrderPatterns[localeDefault.order]}. Dates are typed in the
        order chosen here; shown with the month by name, 03/04 can never be read two ways. Letters and their charts use
        the same order, always with the month by name (year first prints ISO dates).
      </Text>
      <Group align="flex-end">
        <Select
          label="Date order"
          w={280}
          allowDeselect={false}
          data={dateOrders.map((value) => ({ value, label: orderLabels[value] }))}
          value={order}
          onChange={(value) => value && setOrder(value as DateOrder)}
        />
        <Checkbox
          mb={8}
          label="Show months by name"
          checked={monthNames}
          disabled={order === 'YMD'}
          onChange={(e) => setMonthNames(e.currentTarget.checked)}
        />
      </Group>
      <Text size="sm">
        Today shows as: <b>{formatDateAs(today, { order, monthNames })}</b>
      </Text>
      <Group>
        <Button variant="light" onClick={() => void submit({ order, monthNames })}>
          Save date format
        </Button>
        {saved && (
          <Button variant="subtle" color="gray" onClick={() => void submit(null)}>
            Use this computer&apos;s default
          </Button>
        )}
      </Group>
    </Stack>
  );
}
