import type { YearResponse } from "@bailanys/common/api/calendar";
import { Badge, Card, Group, NumberInput, Table, Text, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { TableHeader } from "../../../components/TableHeader.tsx";
import { almatyToday } from "../../../lib/almatyInput.ts";
import { formatDate } from "../../../lib/formatDateTime.ts";
import { notifyError } from "../../../lib/notifyError.ts";

const WEEKDAY_KEYS = ["weekday.d1", "weekday.d2", "weekday.d3", "weekday.d4", "weekday.d5", "weekday.d6", "weekday.d7"] as const;
const REASONS = ["workday", "weekend", "holiday", "moved-holiday", "override-off", "override-work"] as const;

// ISO weekday (1 = Monday) of a local date, computed in UTC so the device's zone cannot shift it.
function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** A year at a glance: weekdays that are days off and weekend days that are worked, with why; the working-day count. */
export function YearView({ revision }: { revision: number }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(Number(almatyToday().slice(0, 4)));
  const [data, setData] = useState<YearResponse | null>(null);

  useEffect(() => {
    if (year < 2000 || year > 2100) {
      return;
    }
    const controller = new AbortController();
    api<YearResponse>(`/calendar/years/${year}`, { signal: controller.signal })
      .then(setData)
      .catch((error: unknown) => notifyError(error));
    return () => controller.abort();
  }, [year, revision]);

  const reason = (value: string) => {
    const known = REASONS.find((r) => r === value);
    return known ? t(`dayReason.${known}`) : value;
  };

  return (
    <Card withBorder>
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={3} size="h4">
          {t("calendar.yearView")}
        </Title>
        <NumberInput label={t("calendar.year")} value={year} onChange={(v) => setYear(typeof v === "number" ? v : year)} min={2000} max={2100} allowDecimal={false} w={120} />
      </Group>
      {data && data.year === year && (
        <>
          <Text mb="sm" data-testid="working-days-count">
            {t("calendar.workingDaysCount", { year: data.year, count: data.workingDays })}
          </Text>
          <Table.ScrollContainer minWidth={500}>
            <Table striped data-testid="calendar-year">
              <TableHeader labels={[t("calendar.date"), t("calendar.weekdayColumn"), t("calendar.dayKind"), t("calendar.reason")]} />
              <Table.Tbody>
                {data.days.map((d) => (
                  <Table.Tr key={d.date}>
                    <Table.Td>{formatDate(d.date)}</Table.Td>
                    <Table.Td>{t(WEEKDAY_KEYS[isoWeekday(d.date) - 1] ?? "weekday.d1")}</Table.Td>
                    <Table.Td>
                      <Badge color={d.working ? "blue" : "orange"} variant="light">
                        {d.working ? t("calendar.work") : t("calendar.off")}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {reason(d.reason)}
                      {d.name ? ` — ${d.name}` : ""}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Card>
  );
}
