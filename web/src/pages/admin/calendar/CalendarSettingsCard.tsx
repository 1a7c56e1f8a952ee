import type { CalendarDto, CalendarSettings } from "@bailanys/common/api/calendar";
import { Button, Card, Checkbox, Group, Stack, Title } from "@mantine/core";
import { TimePicker } from "@mantine/dates";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { notifyError, notifySuccess } from "../../../lib/notifyError.ts";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const FIELDS = ["cutoff", "firstDayCounts", "cdEndsOnWorkingDay", "weekendDays"] as const;

interface Props {
  settings: CalendarSettings;
  canWrite: boolean;
  onChange: (calendar: CalendarDto) => void;
}

/** The deadline rules: cut-off time, whether the day of receipt counts, weekend days. */
export function CalendarSettingsCard({ settings, canWrite, onChange }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(settings);
  const [errors, setErrors] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => setDraft(settings), [settings]);

  const save = async () => {
    setBusy(true);
    try {
      onChange(await api<CalendarDto>("/calendar/settings", { method: "PUT", json: { ...draft, weekendDays: [...draft.weekendDays].sort() } }));
      setErrors({});
      notifySuccess(t("common.saved"));
    } catch (error) {
      setErrors(notifyError(error, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t("calendar.settings")}
      </Title>
      <Stack>
        <TimePicker
          label={t("calendar.cutoff")}
          description={t("calendar.cutoffHint")}
          format="24h"
          value={draft.cutoff}
          // The picker may answer "HH:mm:ss" or "" while typing; the API takes "HH:mm".
          onChange={(value) => setDraft({ ...draft, cutoff: value.slice(0, 5) })}
          error={errors.cutoff}
          disabled={!canWrite}
          maw={260}
        />
        <Checkbox label={t("calendar.firstDayCounts")} checked={draft.firstDayCounts} onChange={(e) => setDraft({ ...draft, firstDayCounts: e.currentTarget.checked })} disabled={!canWrite} />
        <Checkbox
          label={t("calendar.cdEndsOnWorkingDay")}
          checked={draft.cdEndsOnWorkingDay}
          onChange={(e) => setDraft({ ...draft, cdEndsOnWorkingDay: e.currentTarget.checked })}
          disabled={!canWrite}
        />
        <Checkbox.Group
          label={t("calendar.weekendDays")}
          value={draft.weekendDays.map(String)}
          onChange={(values) => setDraft({ ...draft, weekendDays: values.map(Number).filter((n) => n >= 1 && n <= 7) })}
          error={errors.weekendDays}
        >
          <Group mt="xs">
            {WEEKDAYS.map((d) => (
              <Checkbox key={d} value={String(d)} label={t(`weekday.d${d}`)} disabled={!canWrite} />
            ))}
          </Group>
        </Checkbox.Group>
        {canWrite && (
          <Group justify="flex-end">
            <Button loading={busy} onClick={() => void save()} disabled={JSON.stringify(draft) === JSON.stringify(settings)}>
              {t("common.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
