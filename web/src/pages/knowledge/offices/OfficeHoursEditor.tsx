import { Button, Checkbox, Group, Stack, Switch, Table, Text, TextInput } from "@mantine/core";
import { IconBriefcase } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { FieldMessages } from "../../admin/contact-centre/shared/fieldErrors.ts";
import { OFFICE_WEEKDAYS, standardWeek, type OfficeDay } from "./officeHours.ts";

interface Props {
  days: OfficeDay[];
  errors: FieldMessages;
  onChange: (days: OfficeDay[]) => void;
}

/** The week of an office: each day closed or open from–to, with an optional lunch break. */
export function OfficeHoursEditor({ days, errors, onChange }: Props) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<OfficeDay>) => onChange(days.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const clock = (label: string, value: string, onValue: (v: string) => void, invalid: boolean) => (
    <TextInput aria-label={label} placeholder="09:00" value={value} onChange={(e) => onValue(e.currentTarget.value.trim())} error={invalid} maxLength={5} w={72} size="xs" />
  );

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {t("kbEditor.offices.hours")}
        </Text>
        <Button size="xs" variant="default" leftSection={<IconBriefcase size={14} aria-hidden />} onClick={() => onChange(standardWeek())}>
          {t("kbEditor.offices.standardWeek")}
        </Button>
      </Group>
      <Table withRowBorders={false} verticalSpacing={4} data-testid="kb-office-hours">
        <Table.Tbody>
          {OFFICE_WEEKDAYS.map((weekday, i) => {
            const day = days[i];
            if (day === undefined) {
              return null;
            }
            const name = t(`weekday.d${weekday}`);
            const error = errors[`hours.${weekday}`];
            return (
              <Table.Tr key={weekday} data-day={weekday}>
                <Table.Td w={150} style={{ verticalAlign: "top", paddingTop: 8 }}>
                  <Switch size="sm" label={name} checked={day.open} onChange={(e) => update(i, { open: e.currentTarget.checked })} aria-label={`${name}: ${t("kbEditor.offices.open")}`} />
                </Table.Td>
                <Table.Td>
                  {day.open ? (
                    <Stack gap={2}>
                      <Group gap={6} wrap="nowrap">
                        {clock(`${name}: ${t("kbEditor.offices.opens")}`, day.opens, (opens) => update(i, { opens }), error !== undefined)}
                        <Text aria-hidden>–</Text>
                        {clock(`${name}: ${t("kbEditor.offices.closes")}`, day.closes, (closes) => update(i, { closes }), error !== undefined)}
                        <Checkbox size="xs" ml="sm" label={t("kbEditor.offices.lunch")} checked={day.lunch} onChange={(e) => update(i, { lunch: e.currentTarget.checked })} aria-label={`${name}: ${t("kbEditor.offices.lunch")}`} />
                        {day.lunch && (
                          <>
                            {clock(`${name}: ${t("kbEditor.offices.breakFrom")}`, day.breakFrom, (breakFrom) => update(i, { breakFrom }), error !== undefined)}
                            <Text aria-hidden>–</Text>
                            {clock(`${name}: ${t("kbEditor.offices.breakTo")}`, day.breakTo, (breakTo) => update(i, { breakTo }), error !== undefined)}
                          </>
                        )}
                      </Group>
                      {error !== undefined && (
                        <Text size="xs" c="red.8" role="alert">
                          {error}
                        </Text>
                      )}
                    </Stack>
                  ) : (
                    <Text size="sm" c="dimmed" pt={4}>
                      {t("kbEditor.offices.closed")}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {errors.hours && (
        <Text size="sm" c="red.8">
          {errors.hours}
        </Text>
      )}
    </Stack>
  );
}
