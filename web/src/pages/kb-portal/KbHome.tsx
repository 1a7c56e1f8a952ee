import { Anchor, Center, Loader, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconFileText } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { portalArticleHref, portalSearchHref } from "../../components/kb/kbLinks.ts";
import { KbLoadFailed } from "./KbLoadFailed.tsx";
import type { PortalHome } from "../../api/kbPublicApi.ts";
import type { PortalLoad } from "./usePortalLoad.ts";

interface Props {
  tenant: string;
  home: PortalLoad<PortalHome>;
}

/** The front page's body: topics with the number of answers in each, and the questions asked most. */
export function KbHome({ tenant, home }: Props) {
  const { t } = useTranslation();
  if (home.status === "loading") {
    return (
      <Center py="xl">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (home.status === "failed") {
    return <KbLoadFailed message={home.message} onRetry={home.reload} />;
  }
  const { categories, popular } = home.data;
  return (
    <>
      {categories.length > 0 && (
        <section aria-labelledby="kb-categories-title">
          <Title order={2} size="h4" mb="xs" id="kb-categories-title">
            {t("kbPortal.categories")}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="sm" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {categories.map((category) => (
              <Paper withBorder p="sm" component="li" key={category.id} data-testid="kb-portal-category">
                <Anchor component={Link} to={portalSearchHref(tenant, "", category.id)} fw={600} aria-label={t("kbPortal.searchInCategory", { name: category.name })}>
                  {category.name}
                </Anchor>
                <Text size="sm" c="dark.4">
                  {t("kbPortal.articlesCount", { count: category.articles })}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
        </section>
      )}
      <section aria-labelledby="kb-popular-title">
        <Title order={2} size="h4" mb="xs" id="kb-popular-title">
          {t("kbPortal.popular")}
        </Title>
        {popular.length === 0 ? (
          <Text c="dark.4">{t("kbPortal.noPopular")}</Text>
        ) : (
          <Paper withBorder p="sm">
            <Stack component="ul" gap={8} m={0} p={0} style={{ listStyle: "none" }}>
              {popular.map((article) => (
                <li key={article.id} data-testid="kb-portal-popular">
                  <IconFileText size={16} aria-hidden style={{ verticalAlign: "-3px", marginRight: 6, color: "var(--mantine-color-bailanys-8)" }} />
                  <Anchor component={Link} to={portalArticleHref(article.code, tenant, article.locale)} lang={article.locale}>
                    {article.title}
                  </Anchor>
                </li>
              ))}
            </Stack>
          </Paper>
        )}
      </section>
    </>
  );
}
