import { Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { useLanguageParam } from "../../hooks/useLanguageParam.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { searchTerm } from "../../lib/searchState.ts";
import { KbHelpLinks } from "./KbHelpLinks.tsx";
import { KbHome } from "./KbHome.tsx";
import { KbPortalSearchForm } from "./KbPortalSearchForm.tsx";
import { KbPortalShell } from "./KbPortalShell.tsx";
import { KbResults } from "./KbResults.tsx";
import { kbPublicApi } from "../../api/kbPublicApi.ts";
import { usePortalLoad } from "./usePortalLoad.ts";

/** `/kb?tenant=…`: the self-service portal's front page (topics, frequent questions) and, with `&q=…`, its results. */
export function KbPortalPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const tenant = (params.get("tenant") ?? "").trim();
  const query = searchTerm(params.get("q") ?? "");
  const categoryId = params.get("category");
  const locale = useLocale();
  useLanguageParam(params.get("lang"));
  const home = usePortalLoad(tenant === "" ? null : `${tenant}|${locale}`, (signal) => kbPublicApi.home(tenant, locale, signal));
  const categories = home.status === "ready" ? home.data.categories : [];
  // A topic chosen without words lists its articles.
  const browsing = query === null && categoryId !== null;
  const topic = categories.find((category) => category.id === categoryId)?.name ?? "";

  return (
    <KbPortalShell tenant={tenant} pageTitle={query !== null ? t("kbPortal.results", { q: query }) : browsing ? t("kbPortal.topicArticles", { name: topic }) : null}>
      <div>
        <Title order={1} size="h2">
          {t("kbPortal.title")}
        </Title>
        <Text c="dark.4">{t("kbPortal.subtitle")}</Text>
      </div>
      <KbPortalSearchForm key={`${query ?? ""}|${categoryId ?? ""}`} tenant={tenant} query={query ?? ""} categoryId={categoryId} categories={categories} />
      {query !== null || browsing ? <KbResults tenant={tenant} query={query ?? ""} topic={topic} categoryId={categoryId} locale={locale} /> : <KbHome tenant={tenant} home={home} />}
      <KbHelpLinks tenant={tenant} locale={locale} />
    </KbPortalShell>
  );
}
