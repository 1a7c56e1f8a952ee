import { KB_REVIEW_REMINDER_DAYS } from "@bailanys/common/api/kb";
import { Group, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { almatyToday } from "../../../lib/almatyInput.ts";
import { formatDate } from "../../../lib/formatDateTime.ts";
import { reviewUrgency } from "./translationState.ts";

/** The review-by date, with an icon and words (not colour alone) once it is due or past. */
export function ReviewByText({ date }: { date: string | null }) {
  const { t } = useTranslation();
  if (date === null) {
    return <Text size="sm" c="dimmed">—</Text>;
  }
  const urgency = reviewUrgency(date, almatyToday(), KB_REVIEW_REMINDER_DAYS);
  if (urgency === "ok") {
    return <Text size="sm">{formatDate(date)}</Text>;
  }
  const color = urgency === "overdue" ? "red.8" : "orange.9";
  return (
    <Group gap={4} wrap="nowrap" data-testid="kb-review-due">
      <IconAlertTriangle size={16} aria-hidden color={`var(--mantine-color-${color.replace(".", "-")})`} />
      <Text size="sm" c={color} fw={600}>
        {formatDate(date)} · {t(`kbEditor.list.${urgency}`)}
      </Text>
    </Group>
  );
}
