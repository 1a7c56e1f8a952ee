import { Badge } from "@mantine/core";
import { IconArrowBigUpLines } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/** The escalation level reached (0 = none, nothing shown). */
export function EscalationBadge({ level }: { level: number }) {
  const { t } = useTranslation();
  if (level <= 0) {
    return null;
  }
  return (
    <Badge color={level >= 3 ? "red" : level === 2 ? "orange" : "yellow"} variant="outline" leftSection={<IconArrowBigUpLines size={12} aria-hidden />}>
      {t("appeals.escalationLevel", { level })}
    </Badge>
  );
}
