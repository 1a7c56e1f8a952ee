import { Title } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Placeholder until the screen is built. */
export function ContactCentreAdminPage() {
  const { t } = useTranslation();
  return <Title order={2}>{t("routingAdmin.title")}</Title>;
}
