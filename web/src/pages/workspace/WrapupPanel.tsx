import type { ContactDto, WorkspaceOptions } from "@bailanys/common/api/contacts";
import { Alert, Button, Checkbox, Group, Paper, Select, Stack, Text, Textarea, Title } from "@mantine/core";
import { IconClipboardCheck, IconHourglass } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useSave } from "../../hooks/useSave.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { errorText } from "../../lib/errorText.ts";
import { useNow } from "../../realtime/useNow.ts";
import { formatDuration, secondsUntil } from "./durations.ts";

/** The wrap-up code that says an appeal came out of the conversation (seeded for every contact centre). */
const APPEAL_CODE = "appeal_registered";
const FIELDS = ["wrapupCode", "note"] as const;

interface Props {
  contact: ContactDto;
  codes: WorkspaceOptions["wrapupCodes"];
}

/**
 * Wrap-up of an ended conversation: code, note and "resolved at first contact", against the queue's deadline.
 * An appeal registered from the chat means the question was not settled on the spot: the defaults say so.
 */
export function WrapupPanel({ contact, codes }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow();
  const { busy, save } = useSave();
  const withAppeal = contact.appeals.length > 0;
  const [code, setCode] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [fcr, setFcr] = useState(!withAppeal);
  const [touched, setTouched] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});

  useEffect(() => {
    if (withAppeal && !touched) {
      setFcr(false);
      if (codes.some((c) => c.code === APPEAL_CODE)) {
        setCode(APPEAL_CODE);
      }
    }
  }, [withAppeal, touched, codes]);

  const deadline = contact.wrapupDeadline ? Date.parse(contact.wrapupDeadline) : null;
  const left = deadline === null ? null : secondsUntil(deadline, now);

  const submit = async () => {
    if (code === null) {
      setErrors({ wrapupCode: errorText("FIELD_REQUIRED", locale) });
      return;
    }
    const body = { wrapupCode: code, resolvedFirstContact: fcr, ...(note.trim() === "" ? {} : { note: note.trim() }) };
    const found = await save(() => api(`/contacts/${contact.id}/wrapup`, { method: "POST", json: body }), FIELDS, t("workspace.wrapup.done"));
    setErrors(found ?? {});
  };

  return (
    <Paper withBorder p="sm" bg="violet.0" component="section" aria-label={t("workspace.wrapup.title")} data-testid="wrapup-panel">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={2} size="h6">
              {t("workspace.wrapup.title")}
            </Title>
            {left !== null && left > 0 && (
              <Group gap={4} c={left <= 15 ? "red.7" : "dimmed"} data-testid="wrapup-countdown">
                <IconHourglass size={14} aria-hidden />
                <Text size="sm" ff="monospace">
                  {t("workspace.wrapup.timeLeft", { time: formatDuration(left) })}
                </Text>
              </Group>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t("workspace.conversation.ended")}
          </Text>
          {left === 0 && (
            <Alert color="orange" p="xs">
              {t("workspace.wrapup.timeUp")}
            </Alert>
          )}
          <Select
            label={t("workspace.wrapup.code")}
            data={codes.map((c) => ({ value: c.code, label: c.name }))}
            value={code}
            onChange={(value) => {
              setCode(value);
              setTouched(true);
              setErrors({});
            }}
            error={errors.wrapupCode}
            searchable
            required
            data-testid="wrapup-code"
          />
          <Textarea label={t("workspace.wrapup.note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} autosize minRows={1} maxRows={4} maxLength={2000} />
          <Group justify="space-between">
            <Checkbox
              label={t("workspace.wrapup.fcr")}
              checked={fcr}
              onChange={(e) => {
                setFcr(e.currentTarget.checked);
                setTouched(true);
              }}
              data-testid="wrapup-fcr"
            />
            <Button type="submit" color="violet" loading={busy} leftSection={<IconClipboardCheck size={16} aria-hidden />} data-testid="wrapup-submit">
              {t("workspace.wrapup.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
