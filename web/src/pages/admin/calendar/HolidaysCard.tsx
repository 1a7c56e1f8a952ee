import type { CalendarDto, Holiday } from "@bailanys/common/api/calendar";
import { Button, Card, Group, Table, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { EditDeleteButtons } from "../../../components/EditDeleteButtons.tsx";
import { TableHeader } from "../../../components/TableHeader.tsx";
import { YesNo } from "../../../components/YesNo.tsx";
import { useLocalizedName } from "../../../i18n/useLocalizedName.ts";
import { deleteWithNotice } from "../../../lib/deleteWithNotice.ts";
import { HolidayModal } from "./HolidayModal.tsx";

interface Props {
  holidays: Holiday[];
  canWrite: boolean;
  onChange: (calendar: CalendarDto) => void;
}

const two = (n: number) => String(n).padStart(2, "0");

/** Public holidays that recur every year; a movable one that falls on a weekend moves to the next working day. */
export function HolidaysCard({ holidays, canWrite, onChange }: Props) {
  const { t } = useTranslation();
  const name = useLocalizedName();
  const [editing, setEditing] = useState<Holiday | "new" | null>(null);
  const sorted = [...holidays].sort((a, b) => a.month - b.month || a.day - b.day);

  const remove = (holiday: Holiday) => deleteWithNotice(async () => onChange(await api<CalendarDto>(`/calendar/holidays/${holiday.id}`, { method: "DELETE" })));

  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t("calendar.holidays")}
        </Title>
        {canWrite && (
          <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setEditing("new")}>
            {t("common.add")}
          </Button>
        )}
      </Group>
      <Table.ScrollContainer minWidth={500}>
        <Table striped data-testid="calendar-holidays">
          <TableHeader labels={[t("calendar.dayMonth"), t("org.name"), t("calendar.movable")]} withActions={canWrite} />
          <Table.Tbody>
            {sorted.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {two(h.day)}.{two(h.month)}
                  </Text>
                </Table.Td>
                <Table.Td>{name(h)}</Table.Td>
                <Table.Td>
                  <YesNo value={h.movable} />
                </Table.Td>
                {canWrite && (
                  <Table.Td>
                    <EditDeleteButtons onEdit={() => setEditing(h)} onDelete={() => remove(h)} what={name(h)} />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing !== null && <HolidayModal holiday={editing === "new" ? null : editing} onClose={() => setEditing(null)} onChange={onChange} />}
    </Card>
  );
}
