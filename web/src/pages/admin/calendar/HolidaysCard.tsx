import type { CalendarDto, Holiday } from "@bailanys/common/api/calendar";
import { Button, Card, Group, Table, Text, Title } from "@mantine/core";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { ConfirmDeleteButton } from "../../../components/ConfirmDeleteButton.tsx";
import { YesNo } from "../../../components/YesNo.tsx";
import { useLocalizedName } from "../../../i18n/useLocalizedName.ts";
import { notifyError, notifySuccess } from "../../../lib/notifyError.ts";
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

  const remove = async (holiday: Holiday) => {
    try {
      onChange(await api<CalendarDto>(`/calendar/holidays/${holiday.id}`, { method: "DELETE" }));
      notifySuccess(t("common.deleted"));
    } catch (error) {
      notifyError(error);
    }
  };

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
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("calendar.dayMonth")}</Table.Th>
              <Table.Th>{t("org.name")}</Table.Th>
              <Table.Th>{t("calendar.movable")}</Table.Th>
              {canWrite && <Table.Th>{t("common.actions")}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
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
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(h)}>
                        {t("common.edit")}
                      </Button>
                      <ConfirmDeleteButton what={name(h)} onConfirm={() => remove(h)} />
                    </Group>
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
