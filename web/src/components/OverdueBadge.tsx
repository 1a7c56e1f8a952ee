import { Badge } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/** The written "overdue" mark next to the red highlight. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />} data-testid="overdue-badge">
      {t("appeals.overdue")}
    </Badge>
  );
}
