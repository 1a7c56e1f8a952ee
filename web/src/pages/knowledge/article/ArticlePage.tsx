import { LOCALES, isLocale, type Locale } from "@bailanys/common/locales";
import { Alert, Card, Stack, Tabs, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router-dom";
import { FullPageLoader } from "../../../components/FullPageLoader.tsx";
import { useLocale } from "../../../i18n/useLocale.ts";
import { useSession } from "../../../session/useSession.ts";
import { translationBadges } from "../articles/translationState.ts";
import { ArticleFiles } from "./ArticleFiles.tsx";
import { ArticleHeader } from "./ArticleHeader.tsx";
import { MetaForm } from "./MetaForm.tsx";
import { TranslationPanel } from "./TranslationPanel.tsx";
import { useArticle } from "./useArticle.ts";

/** One article: its metadata, then a tab per language with the draft, the review and the history. */
export function ArticlePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const interfaceLocale = useLocale();
  const { can } = useSession();
  const { article, missing, setArticle, reload } = useArticle(id);
  const [params, setParams] = useSearchParams();
  const asked = params.get("lang");
  const tab: Locale = isLocale(asked) ? asked : interfaceLocale;

  if (missing) {
    return <Alert color="orange" title={t("common.notFoundTitle")}>{t("kbEditor.article.missing")}</Alert>;
  }
  if (article === null) {
    return <FullPageLoader />;
  }
  const badges = translationBadges(article.translations);
  const changed = () => void reload();

  return (
    <Stack>
      <ArticleHeader article={article} tab={tab} onChanged={setArticle} />
      <Card withBorder>
        <Title order={3} size="h4" mb="sm">
          {t("kbEditor.article.meta")}
        </Title>
        <MetaForm key={article.id} article={article} canWrite={can("kb.write")} onSaved={setArticle} />
      </Card>
      <Card withBorder>
        <Tabs value={tab} onChange={(v) => isLocale(v) && setParams({ lang: v }, { replace: true })} keepMounted={false}>
          <Tabs.List mb="md">
            {LOCALES.map((l) => {
              const b = badges.find((x) => x.locale === l);
              return (
                <Tabs.Tab key={l} value={l} data-testid={`kb-lang-${l}`}>
                  {t(`locale.${l}`)} · {b ? t(`kbEditor.langState.${b.kind}`) : ""}
                  {b?.kind === "published" && b.pending !== null ? ` + ${t(`kbEditor.langState.${b.pending}`)}` : ""}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
          {LOCALES.map((l) => (
            <Tabs.Panel key={l} value={l}>
              <TranslationPanel article={article} locale={l} onChanged={changed} />
            </Tabs.Panel>
          ))}
        </Tabs>
      </Card>
      <Card withBorder>
        <ArticleFiles article={article} canWrite={can("kb.write") && !article.archived} canExport={can("kb.write")} onChanged={changed} />
      </Card>
    </Stack>
  );
}
