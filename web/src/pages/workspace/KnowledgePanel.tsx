import { Paper, Text, TextInput, Title } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

/** A place held for the knowledge base: the search arrives with its own issue, so the box is shown but disabled. */
export function KnowledgePanel() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" component="section" aria-label={t("workspace.knowledge.title")}>
      <Title order={2} size="h6" mb="xs">
        {t("workspace.knowledge.title")}
      </Title>
      <TextInput size="xs" disabled aria-label={t("workspace.knowledge.search")} placeholder={t("workspace.knowledge.search")} leftSection={<IconSearch size={14} aria-hidden />} />
      <Text size="xs" c="dimmed" mt={6}>
        {t("workspace.knowledge.note")}
      </Text>
    </Paper>
  );
}
