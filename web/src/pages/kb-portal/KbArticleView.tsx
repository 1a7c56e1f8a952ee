import type { ArticleViewDto } from "@bailanys/common/api/kb";
import { isLocale, type Locale } from "@bailanys/common/locales";
import { Alert, Anchor, Badge, Divider, Paper, SimpleGrid, Stack, Title } from "@mantine/core";
import { IconLanguage } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ArticleAttachments } from "../../components/kb/ArticleAttachments.tsx";
import { ArticleFacts } from "../../components/kb/ArticleFacts.tsx";
import { ArticleMarkdown } from "../../components/kb/ArticleMarkdown.tsx";
import { ArticleSource } from "../../components/kb/ArticleSource.tsx";
import { portalArticleHref } from "../../components/kb/kbLinks.ts";
import { OfficeCard } from "../../components/kb/OfficeCard.tsx";
import { KbFeedback } from "./KbFeedback.tsx";

interface Props {
  tenant: string;
  article: ArticleViewDto;
  /** The language the reader asked for; the server answers in the nearest one published. */
  wanted: Locale;
}

/** One public answer: title, the facts in short, the text, offices with hours and map, the source, feedback. */
export function KbArticleView({ tenant, article, wanted }: Props) {
  const { t } = useTranslation();
  const locale: Locale = isLocale(article.locale) ? article.locale : wanted;
  const hasFacts = Boolean(article.facts.description || article.facts.fee || article.facts.term || (article.facts.documents ?? []).length > 0);
  return (
    <>
      <article lang={article.locale} data-testid="kb-portal-article" data-locale={article.locale}>
        <Stack gap="md">
          {article.locale !== wanted && (
            <Alert color="blue" icon={<IconLanguage aria-hidden />} data-testid="kb-portal-other-language">
              {t("kbPortal.article.otherLanguage")}
            </Alert>
          )}
          <div>
            {article.category && (
              <Badge variant="light" color="bailanys.9" mb={6}>
                {article.category.name}
              </Badge>
            )}
            <Title order={1} size="h2">
              {article.title}
            </Title>
          </div>
          {hasFacts && (
            <Paper withBorder p="md" bg="white" component="section" aria-labelledby="kb-facts-title">
              <Title order={2} size="h4" mb="xs" id="kb-facts-title">
                {t("kbPortal.article.facts")}
              </Title>
              <ArticleFacts facts={article.facts} order={3} />
            </Paper>
          )}
          <Paper withBorder p="md" bg="white">
            <ArticleMarkdown body={article.body} titleLevel={1} />
            <ArticleAttachments
              attachments={article.attachments}
              href={(id) => `/api/v1/public/kb/articles/${encodeURIComponent(article.code)}/attachments/${id}?${new URLSearchParams({ tenant }).toString()}`}
            />
          </Paper>
          {article.offices.length > 0 && (
            <section aria-labelledby="kb-offices-title">
              <Title order={2} size="h4" mb="xs" id="kb-offices-title">
                {t("kbPortal.article.offices")}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                {article.offices.map((office) => (
                  <OfficeCard key={office.id} office={office} locale={locale} order={3} />
                ))}
              </SimpleGrid>
            </section>
          )}
          <Divider />
          <ArticleSource article={article} />
        </Stack>
      </article>
      <KbFeedback key={`${article.id}:${article.locale}`} tenant={tenant} articleId={article.id} locale={article.locale} />
      {article.related.length > 0 && (
        <nav aria-labelledby="kb-related-title">
          <Title order={2} size="h4" mb="xs" id="kb-related-title">
            {t("kbPortal.article.related")}
          </Title>
          <Stack component="ul" gap={6} m={0} pl="md">
            {article.related.map((related) => (
              <li key={related.id}>
                <Anchor component={Link} to={portalArticleHref(related.code, tenant, article.locale)}>
                  {related.title}
                </Anchor>
              </li>
            ))}
          </Stack>
        </nav>
      )}
    </>
  );
}
