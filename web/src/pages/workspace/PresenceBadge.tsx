import type { AgentPresence } from "@bailanys/common/contacts";
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** One colour per presence; the name is always written, so colour is never the only signal. */
export const PRESENCE_COLOR: Record<AgentPresence, string> = {
  ready: "teal",
  busy: "orange",
  wrapup: "violet",
  not_ready: "yellow",
  offline: "gray",
};

/** An operator's presence as a coloured badge. */
export function PresenceBadge({ presence, size = "md" }: { presence: AgentPresence; size?: "sm" | "md" | "lg" }) {
  const { t } = useTranslation();
  return (
    <Badge color={PRESENCE_COLOR[presence]} variant="light" size={size} data-presence={presence}>
      {t(`workspace.presence.${presence}`)}
    </Badge>
  );
}
