import type { CalendarDto, Override } from "@bailanys/common/api/calendar";
import { Badge, Button, Card, Group, Select, Stack, Table, TextInput, Title } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { IconDeviceFloppy } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { EditDeleteButtons } from "../../../components/EditDeleteButtons.tsx";
import { TableHeader } from "../../../components/TableHeader.tsx";
import { useLocale } from "../../../i18n/useLocale.ts";
import { errorText } from "../../../lib/errorText.ts";
import { deleteWithNotice } from "../../../lib/deleteWithNotice.ts";
import { formatDate } from "../../../lib/formatDateTime.ts";
import { notifyError, notifySuccess } from "../../../lib/notifyError.ts";

interface Props {
  overrides: Override[];
  canWrite: boolean;
  onChange: (calendar: CalendarDto) => void;
}

const FIELDS = ["params.date", "kind", "note"] as const;

/** One-off decisions: a date made a day off (decree transfers, Kurban ait) or a working day (working Saturdays). */
export function OverridesCard({ overrides, canWrite, onChange }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [date, setDate] = useState<string | null>(null);
  const [kind, setKind] = useState<"off" | "work">("off");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const [busy, setBusy] = useState(false);
  const sorted = [...overrides].sort((a, b) => b.date.localeCompare(a.date));

  const save = async () => {
    if (date === null) {
      setErrors({ "params.date": errorText("FIELD_REQUIRED", locale) });
      return;
    }
    setBusy(true);
    try {
      const day = date.slice(0, 10);
      onChange(await api<CalendarDto>(`/calendar/overrides/${day}`, { method: "PUT", json: { kind, ...(note.trim() ? { note: note.trim() } : {}) } }));
      notifySuccess(t("common.saved"));
      setDate(null);
      setNote("");
      setErrors({});
    } catch (error) {
      setErrors(notifyError(error, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const remove = (override: Override) => deleteWithNotice(async () => onChange(await api<CalendarDto>(`/calendar/overrides/${override.date}`, { method: "DELETE" })));

  const edit = (override: Override) => {
    setDate(override.date);
    setKind(override.kind);
    setNote(override.note ?? "");
  };

  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t("calendar.overrides")}
      </Title>
      <Stack>
        {canWrite && (
          <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
            <DatePickerInput label={t("calendar.date")} value={date} onChange={setDate} valueFormat="DD.MM.YYYY" error={errors["params.date"]} clearable miw={160} />
            <Select
              label={t("calendar.dayKind")}
              data={[
                { value: "off", label: t("calendar.off") },
                { value: "work", label: t("calendar.work") },
              ]}
              value={kind}
              onChange={(v) => setKind(v === "work" ? "work" : "off")}
              allowDeselect={false}
              miw={160}
            />
            <TextInput label={t("calendar.note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} maxLength={300} miw={200} />
            <Button mt={25} loading={busy} leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={() => void save()} style={{ flexGrow: 0 }}>
              {t("common.save")}
            </Button>
          </Group>
        )}
        <Table.ScrollContainer minWidth={500}>
          <Table striped data-testid="calendar-overrides">
            <TableHeader labels={[t("calendar.date"), t("calendar.dayKind"), t("calendar.note")]} withActions={canWrite} />
            <Table.Tbody>
              {sorted.map((o) => (
                <Table.Tr key={o.date}>
                  <Table.Td>{formatDate(o.date)}</Table.Td>
                  <Table.Td>
                    <Badge color={o.kind === "off" ? "orange" : "blue"} variant="light">
                      {o.kind === "off" ? t("calendar.off") : t("calendar.work")}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{o.note ?? "—"}</Table.Td>
                  {canWrite && (
                    <Table.Td>
                      <EditDeleteButtons onEdit={() => edit(o)} onDelete={() => remove(o)} what={formatDate(o.date)} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
