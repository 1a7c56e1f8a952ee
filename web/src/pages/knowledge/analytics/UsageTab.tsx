import type { ArticleListItemDto, ArticleStatsDto } from "@bailanys/common/api/kb";
import { Anchor, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { TableHeader } from "../../../components/TableHeader.tsx";
import { useLocale } from "../../../i18n/useLocale.ts";
import { formatDateTime } from "../../../lib/formatDateTime.ts";
import { TabIntro } from "../../admin/contact-centre/shared/TabIntro.tsx";
import { articleTitle } from "../articles/translationState.ts";
import { EmptyRows } from "./EmptyRows.tsx";
import { helpfulShare, usageRows } from "./usageRows.ts";
import { useFetchItems } from "./useFetchItems.ts";

const LIMIT = { limit: "200" };

/** How each article is used: opened and sent by operators, marked as the answer, and citizens' votes. */
export function UsageTab() {
  const { t } = useTranslation();
  const locale = useLocale();
  const articles = useFetchItems<ArticleListItemDto>("/kb/articles", LIMIT);
  const stats = useFetchItems<ArticleStatsDto>("/kb/stats");
  const rows = articles === null || stats === null ? null : usageRows(articles, stats);
  const labels = [t("kbEditor.draft.title"), t("kbEditor.usage.views"), t("kbEditor.usage.sent"), t("kbEditor.usage.answered"), t("kbEditor.usage.helpful"), t("kbEditor.usage.unhelpful"), t("kbEditor.usage.lastUsed")];

  return (
    <Stack>
      <TabIntro hint={t("kbEditor.usage.hint")} />
      <Table.ScrollContainer minWidth={860}>
        <Table striped highlightOnHover data-testid="kb-usage">
          <TableHeader labels={labels} />
          <Table.Tbody>
            {(rows ?? []).map(({ article, stats: s }) => {
              const share = helpfulShare(s);
              return (
                <Table.Tr key={article.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/knowledge/${article.id}`} size="sm">
                      {articleTitle(article, locale)}
                    </Anchor>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {article.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>{s?.views ?? 0}</Table.Td>
                  <Table.Td>{s?.sent ?? 0}</Table.Td>
                  <Table.Td>{s?.answered ?? 0}</Table.Td>
                  <Table.Td>
                    {s?.helpful ?? 0}
                    {share !== null && <Text span size="xs" c="dimmed">{` (${share}%)`}</Text>}
                  </Table.Td>
                  <Table.Td>{s?.unhelpful ?? 0}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(s?.lastUsedAt)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <EmptyRows rows={rows} text={t("kbEditor.usage.none")} />
    </Stack>
  );
}
