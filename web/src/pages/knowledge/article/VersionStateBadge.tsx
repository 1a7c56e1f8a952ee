import type { KbVersionState } from "@bailanys/common/api/kb";
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

const COLOR: Record<KbVersionState, string> = { draft: "yellow", review: "blue", scheduled: "violet", published: "teal", superseded: "gray", rejected: "red" };

/** A version's state in words (the colour only repeats them). */
export function VersionStateBadge({ state }: { state: KbVersionState }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[state]} variant="light" tt="none">
      {t(`kbEditor.versionState.${state}`)}
    </Badge>
  );
}
