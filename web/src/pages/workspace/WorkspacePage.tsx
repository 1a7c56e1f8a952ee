import { Title } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Placeholder until the screen is built. */
export function WorkspacePage() {
  const { t } = useTranslation();
  return <Title order={2}>{t("workspace.title")}</Title>;
}
