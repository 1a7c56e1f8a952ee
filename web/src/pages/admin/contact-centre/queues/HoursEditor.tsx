import { Button, Checkbox, Group, Stack, Switch, Table, Text, TextInput } from "@mantine/core";
import { IconClock24, IconBriefcase } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { FieldMessages } from "../shared/fieldErrors.ts";
import { officeHours, roundTheClock, WEEKDAYS, type DayHours } from "./hours.ts";

interface Props {
  days: DayHours[];
  /** The form's key of these hours: their problems come as `<field>` and `<field>.<weekday>`, like the server's paths. */
  field: string;
  errors: FieldMessages;
  onChange: (days: DayHours[]) => void;
  /** Whether public holidays are worked, for hours that may be; without it they are always closed (outbound calls). */
  holidays?: { open: boolean; onChange: (open: boolean) => void };
  testId: string;
}

/** Opening hours per weekday (closed, or opens–closes), two shortcuts, and whether public holidays are worked. */
export function HoursEditor({ days, field, errors, onChange, holidays, testId }: Props) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<DayHours>) => onChange(days.map((d, i) => (i === index ? { ...d, ...patch } : d)));

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t("routingAdmin.hours.hint")}
      </Text>
      <Group gap="xs">
        <Button size="xs" variant="default" leftSection={<IconClock24 size={14} aria-hidden />} onClick={() => onChange(roundTheClock())}>
          {t("routingAdmin.hours.roundTheClock")}
        </Button>
        <Button size="xs" variant="default" leftSection={<IconBriefcase size={14} aria-hidden />} onClick={() => onChange(officeHours())}>
          {t("routingAdmin.hours.office")}
        </Button>
      </Group>
      <Table withRowBorders={false} verticalSpacing={4} data-testid={testId}>
        <Table.Tbody>
          {WEEKDAYS.map((weekday, i) => {
            const day = days[i];
            if (day === undefined) {
              return null;
            }
            const dayName = t(`weekday.d${weekday}`);
            const error = errors[`${field}.${weekday}`];
            return (
              <Table.Tr key={weekday} data-testid="hours-row" data-day={weekday}>
                <Table.Td w={160} style={{ verticalAlign: "top", paddingTop: 10 }}>
                  <Switch label={dayName} checked={day.open} onChange={(e) => update(i, { open: e.currentTarget.checked })} aria-label={`${dayName}: ${t("routingAdmin.hours.open")}`} />
                </Table.Td>
                <Table.Td style={{ verticalAlign: "top" }}>
                  {day.open ? (
                    <>
                      <Group gap="xs" align="flex-start" wrap="nowrap">
                        <TextInput
                          aria-label={`${dayName}: ${t("routingAdmin.hours.opens")}`}
                          placeholder="09:00"
                          value={day.opens}
                          onChange={(e) => update(i, { opens: e.currentTarget.value.trim() })}
                          error={error !== undefined}
                          maxLength={5}
                          w={84}
                        />
                        <Text pt={6} aria-hidden>
                          –
                        </Text>
                        <TextInput
                          aria-label={`${dayName}: ${t("routingAdmin.hours.closes")}`}
                          placeholder="18:00"
                          value={day.closes}
                          onChange={(e) => update(i, { closes: e.currentTarget.value.trim() })}
                          error={error !== undefined}
                          maxLength={5}
                          w={84}
                        />
                      </Group>
                      {error !== undefined && (
                        <Text size="xs" c="red" mt={4}>
                          {error}
                        </Text>
                      )}
                    </>
                  ) : (
                    <Text size="sm" c="dimmed" pt={6}>
                      {t("routingAdmin.hours.closed")}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {errors[field] && (
        <Text size="sm" c="red">
          {errors[field]}
        </Text>
      )}
      {holidays && <Checkbox label={t("routingAdmin.queues.openOnHolidays")} checked={holidays.open} onChange={(e) => holidays.onChange(e.currentTarget.checked)} />}
    </Stack>
  );
}
