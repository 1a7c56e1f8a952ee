import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** "Active" / "Inactive" written out, not just coloured. */
export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? "teal" : "gray"} variant="light">
      {active ? t("common.active") : t("common.inactive")}
    </Badge>
  );
}
