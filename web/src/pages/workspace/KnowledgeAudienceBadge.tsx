import type { KbAudience } from "@bailanys/common/api/kb";
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Internal (for staff only) or public (may be sent to the citizen). */
export function KnowledgeAudienceBadge({ audience }: { audience: KbAudience }) {
  const { t } = useTranslation();
  return (
    <Badge size="xs" variant="light" color={audience === "public" ? "teal.9" : "gray.8"} style={{ flex: "none" }} data-testid="kb-audience" data-audience={audience}>
      {audience === "public" ? t("workspace.knowledge.public") : t("workspace.knowledge.internal")}
    </Badge>
  );
}
