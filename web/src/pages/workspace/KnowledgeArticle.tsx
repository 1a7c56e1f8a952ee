import type { ArticleViewDto } from "@bailanys/common/api/kb";
import { isLocale, type Locale } from "@bailanys/common/locales";
import { Anchor, Badge, Divider, Group, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ArticleAttachments } from "../../components/kb/ArticleAttachments.tsx";
import { ArticleFacts } from "../../components/kb/ArticleFacts.tsx";
import { ArticleMarkdown } from "../../components/kb/ArticleMarkdown.tsx";
import { ArticleSource } from "../../components/kb/ArticleSource.tsx";
import { OfficeCard } from "../../components/kb/OfficeCard.tsx";
import { KnowledgeAudienceBadge } from "./KnowledgeAudienceBadge.tsx";

interface Props {
  article: ArticleViewDto;
  onLocale(locale: string): void;
  onOpenRelated(articleId: string): void;
}

const SHORT = { kk: "ҚАЗ", ru: "РУС", en: "ENG" } as const;

/** The text of a published article as an operator reads it: facts first, then the body, offices and the source. */
export function KnowledgeArticle({ article, onLocale, onOpenRelated }: Props) {
  const { t } = useTranslation();
  const locale: Locale = isLocale(article.locale) ? article.locale : "ru";
  return (
    <Stack gap="sm" lang={article.locale} data-testid="kb-article" data-code={article.code}>
      <Group gap="xs" justify="space-between">
        <Group gap={6}>
          <KnowledgeAudienceBadge audience={article.audience} />
          {article.category && (
            <Badge size="xs" variant="outline" color="gray.8">
              {article.category.name}
            </Badge>
          )}
        </Group>
        {article.availableLocales.length > 1 && (
          <SegmentedControl
            size="xs"
            aria-label={t("workspace.knowledge.language")}
            value={article.locale}
            onChange={onLocale}
            data={article.availableLocales.map((l) => ({ value: l, label: <span title={t(`locale.${l}`)}>{SHORT[l]}</span> }))}
            data-testid="kb-article-locale"
          />
        )}
      </Group>
      <ArticleFacts facts={article.facts} order={3} />
      <ArticleMarkdown body={article.body} titleLevel={2} compact />
      <ArticleAttachments attachments={article.attachments} href={(id) => `/api/v1/kb/articles/${article.id}/attachments/${id}`} />
      {article.offices.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h6">
            {t("kbPortal.article.offices")}
          </Title>
          {article.offices.map((office) => (
            <OfficeCard key={office.id} office={office} locale={locale} order={4} />
          ))}
        </Stack>
      )}
      {article.related.length > 0 && (
        <Stack gap={4}>
          <Title order={3} size="h6">
            {t("kbPortal.article.related")}
          </Title>
          {article.related.map((related) => (
            <Anchor key={related.id} component="button" type="button" size="sm" ta="left" onClick={() => onOpenRelated(related.id)}>
              {related.title}
            </Anchor>
          ))}
        </Stack>
      )}
      <Divider />
      <ArticleSource article={article} showReview />
      {article.tags.length > 0 && (
        <Text size="xs" c="dark.4">
          {article.tags.map((tag) => `#${tag}`).join(" ")}
        </Text>
      )}
    </Stack>
  );
}
