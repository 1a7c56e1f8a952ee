import { Anchor, Center, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { HighlightedSnippet } from "../../components/kb/HighlightedSnippet.tsx";
import { correctedQuery, portalArticleHref } from "../../components/kb/kbLinks.ts";
import { KbLoadFailed } from "./KbLoadFailed.tsx";
import { kbPublicApi } from "../../api/kbPublicApi.ts";
import { usePortalLoad } from "./usePortalLoad.ts";

interface Props {
  tenant: string;
  /** The words searched; "" lists the topic's articles. */
  query: string;
  /** The topic's name, for the heading of its list. */
  topic: string;
  categoryId: string | null;
  locale: string;
}

/** Search results (or a topic's articles): each answer's title and the snippet with the matched words marked; "Showing results for …". */
export function KbResults({ tenant, query, topic, categoryId, locale }: Props) {
  const { t } = useTranslation();
  const result = usePortalLoad(`${tenant}|${locale}|${query}|${categoryId ?? ""}`, (signal) => kbPublicApi.search(tenant, locale, query, { categoryId, limit: 20, signal }));
  const fixed = result.status === "ready" ? correctedQuery(query, result.data.corrections) : null;

  return (
    <section aria-labelledby="kb-results-title" aria-busy={result.status === "loading"}>
      <Title order={2} size="h4" id="kb-results-title">
        {query !== "" ? t("kbPortal.results", { q: query }) : t("kbPortal.topicArticles", { name: topic })}
      </Title>
      {fixed !== null && (
        <Text size="sm" c="dark.4" mt={4} data-testid="kb-portal-corrected">
          {t("kbPortal.showingFor", { q: fixed })}
        </Text>
      )}
      {result.status === "loading" && (
        <Center py="lg">
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      {result.status === "failed" && <KbLoadFailed message={result.message} onRetry={result.reload} />}
      {result.status === "ready" && result.data.items.length === 0 && (
        <Text mt="sm" data-testid="kb-portal-no-results">
          {t("kbPortal.noResults")}
        </Text>
      )}
      {result.status === "ready" && result.data.items.length > 0 && (
        <Stack component="ol" gap="sm" mt="sm" p={0} style={{ listStyle: "none" }}>
          {result.data.items.map((hit) => (
            <Paper withBorder p="md" component="li" key={`${hit.articleId}:${hit.locale}`} lang={hit.locale} data-testid="kb-portal-hit">
              <Title order={3} size="h5">
                <Anchor component={Link} to={portalArticleHref(hit.code, tenant, hit.locale)}>
                  {hit.title}
                </Anchor>
              </Title>
              {hit.snippet !== "" && <HighlightedSnippet snippet={hit.snippet} ranges={hit.ranges} size="sm" mt={4} />}
            </Paper>
          ))}
        </Stack>
      )}
    </section>
  );
}
