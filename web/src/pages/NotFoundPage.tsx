import { Anchor, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

/** Any address the app does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="center" mt="xl">
      <Title order={2}>{t("common.notFoundTitle")}</Title>
      <Text c="dimmed">{t("common.notFound")}</Text>
      <Anchor component={Link} to="/">
        {t("common.toStart")}
      </Anchor>
    </Stack>
  );
}
