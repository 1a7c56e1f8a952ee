import type { KbFactsDto } from "@bailanys/common/api/kb";
import { List, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface Props {
  facts: KbFactsDto;
  /** The heading level of "Documents", "Fee"… under the article's own headings. */
  order?: 2 | 3 | 4;
}

/** What a citizen needs at a glance: the service in short, the documents to bring, the fee and the term. */
export function ArticleFacts({ facts, order = 3 }: Props) {
  const { t } = useTranslation();
  const Heading = `h${order}` as const;
  const documents = facts.documents ?? [];
  const rows: { key: string; label: string; value: string | undefined }[] = [
    { key: "fee", label: t("kbPortal.article.fee"), value: facts.fee },
    { key: "term", label: t("kbPortal.article.term"), value: facts.term },
  ];
  if (!facts.description && documents.length === 0 && rows.every((row) => !row.value)) {
    return null;
  }
  return (
    <Stack gap="xs" data-testid="kb-facts">
      {facts.description && <Text size="sm">{facts.description}</Text>}
      {documents.length > 0 && (
        <div>
          <Text component={Heading} size="sm" fw={700} m={0}>
            {t("kbPortal.article.documents")}
          </Text>
          <List type="ordered" size="sm" spacing={2} mt={4}>
            {documents.map((document, index) => (
              <List.Item key={index}>{document}</List.Item>
            ))}
          </List>
        </div>
      )}
      {rows.map((row) =>
        row.value ? (
          <div key={row.key}>
            <Text component={Heading} size="sm" fw={700} m={0}>
              {row.label}
            </Text>
            <Text size="sm">{row.value}</Text>
          </div>
        ) : null,
      )}
    </Stack>
  );
}
