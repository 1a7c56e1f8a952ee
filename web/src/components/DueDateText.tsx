import { Group, Loader, Text } from "@mantine/core";
import { IconCalendarDue } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../lib/formatDateTime.ts";
import type { DueDatePreviewState } from "../hooks/useDueDatePreview.ts";

interface Props {
  preview: DueDatePreviewState;
  /** Shown before there is anything to compute. */
  idleText: string;
  testId?: string;
}

/** "Deadline: 14.04.2026 23:59 (15 working days)" from a due-date answer. */
export function DueDateText({ preview, idleText, testId }: Props) {
  const { t } = useTranslation();
  switch (preview.state) {
    case "idle":
      return (
        <Text size="sm" c="dimmed" data-testid={testId}>
          {idleText}
        </Text>
      );
    case "loading":
      return (
        <Group gap="xs" data-testid={testId}>
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {t("dueDate.computing")}
          </Text>
        </Group>
      );
    case "failed":
      return (
        <Text size="sm" c="red.8" data-testid={testId}>
          {preview.message}
        </Text>
      );
    case "ready": {
      const { due } = preview;
      const term = due.unit === "WD" ? t("dueDate.workingDays", { count: due.term }) : t("dueDate.calendarDays", { count: due.term });
      return (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconCalendarDue size={20} aria-hidden style={{ flexShrink: 0 }} />
          <Text size="sm" fw={600} data-testid={testId} data-due-date={due.dueDate} data-due-at={due.dueAt}>
            {t("dueDate.deadline", { date: formatDateTime(due.dueAt), term })}
          </Text>
        </Group>
      );
    }
  }
}
