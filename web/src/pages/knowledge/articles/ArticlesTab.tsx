import { Anchor, Badge, Stack, Table, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { useLocale } from "../../../i18n/useLocale.ts";
import { useSession } from "../../../session/useSession.ts";
import { AdminTable } from "../../admin/contact-centre/shared/AdminTable.tsx";
import { TabIntro } from "../../admin/contact-centre/shared/TabIntro.tsx";
import { useCategories } from "../useCategories.ts";
import { ArticleFilters } from "./ArticleFilters.tsx";
import { ImportExport } from "./ImportExport.tsx";
import { NewArticleModal } from "./NewArticleModal.tsx";
import { ReviewByText } from "./ReviewByText.tsx";
import { TranslationBadges } from "./TranslationBadges.tsx";
import { articleTitle, reviewBy } from "./translationState.ts";
import { useArticles, type ArticleFilter } from "./useArticles.ts";

/** Every article with the state of each language, filtered; editors start new ones here. */
export function ArticlesTab() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const { can } = useSession();
  const { categoryName } = useCategories();
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState<ArticleFilter>({ state: "all", categoryId: null, audience: null, q: "" });
  const { items, reload } = useArticles(filter);
  // The gap list sends editors here with the unanswered search as the new article's title.
  const asked = params.get("newTitle");
  const [creating, setCreating] = useState<string | null>(asked);
  const close = () => {
    setCreating(null);
    if (asked !== null) {
      setParams({}, { replace: true });
    }
  };

  return (
    <Stack>
      <TabIntro
        hint={t("kbEditor.list.hint")}
        action={can("kb.write") ? { label: t("kbEditor.list.new"), icon: IconPlus, onClick: () => setCreating(""), testId: "kb-new-article" } : undefined}
      />
      {can("kb.write") && <ImportExport onImported={() => void reload()} />}
      <ArticleFilters filter={filter} onChange={(patch) => setFilter((f) => ({ ...f, ...patch }))} />
      <AdminTable
        testId="kb-articles"
        minWidth={980}
        labels={[t("kbEditor.meta.code"), t("kbEditor.draft.title"), t("kbEditor.list.languages"), t("kbEditor.draft.reviewBy"), t("kbEditor.meta.audience")]}
        rows={items}
        empty={t("kbEditor.list.empty")}
      >
        {(article) => (
          <Table.Tr key={article.id} data-testid="kb-article-row">
            <Table.Td>
              <Text size="sm" ff="monospace" style={{ whiteSpace: "nowrap" }}>
                {article.code}
              </Text>
            </Table.Td>
            <Table.Td miw={220}>
              <Anchor component={Link} to={`/knowledge/${article.id}`} size="sm" fw={500}>
                {articleTitle(article, locale)}
              </Anchor>
              <Text size="xs" c="dimmed">
                {categoryName(article.categoryId)}
              </Text>
            </Table.Td>
            <Table.Td>
              <TranslationBadges translations={article.translations} />
            </Table.Td>
            <Table.Td>
              <ReviewByText date={reviewBy(article)} />
            </Table.Td>
            <Table.Td>
              <Badge variant="outline" color={article.audience === "public" ? "teal" : "gray"} tt="none" styles={{ label: { whiteSpace: "nowrap", overflow: "visible" } }}>
                {t(`kbEditor.audience.${article.audience}`)}
              </Badge>
              {article.archived && (
                <Badge ml={4} color="gray" tt="none">
                  {t("kbEditor.states.archived")}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/knowledge/${article.id}`} size="sm" aria-label={`${t("kbEditor.list.open")}: ${articleTitle(article, locale)}`}>
                {t("kbEditor.list.open")}
              </Anchor>
            </Table.Td>
          </Table.Tr>
        )}
      </AdminTable>
      {creating !== null && <NewArticleModal title={creating} onClose={close} onCreated={(a) => void navigate(`/knowledge/${a.id}`)} />}
    </Stack>
  );
}
