import { Loader, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Under a table: a spinner while loading, a sentence when there are no rows, nothing otherwise. */
export function EmptyRows({ rows, text }: { rows: readonly unknown[] | null; text: string }) {
  const { t } = useTranslation();
  if (rows === null) {
    return <Loader size="sm" aria-label={t("common.loading")} />;
  }
  return rows.length === 0 ? (
    <Text c="dimmed" ta="center" p="lg">
      {text}
    </Text>
  ) : null;
}
