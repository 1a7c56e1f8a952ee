import { Center, Loader } from "@mantine/core";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router-dom";
import { useLanguageParam } from "../../hooks/useLanguageParam.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { KbArticleView } from "./KbArticleView.tsx";
import { KbHelpLinks } from "./KbHelpLinks.tsx";
import { KbLoadFailed } from "./KbLoadFailed.tsx";
import { KbPortalShell } from "./KbPortalShell.tsx";
import { kbPublicApi } from "../../api/kbPublicApi.ts";
import { usePortalLoad } from "./usePortalLoad.ts";

/** `/kb/:code?tenant=…&lang=…`: one public answer, in the reader's language (switching reloads it in the new one). */
export function KbArticlePage() {
  const { t } = useTranslation();
  const { code = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const tenant = (params.get("tenant") ?? "").trim();
  const lang = params.get("lang");
  const locale = useLocale();
  useLanguageParam(lang);
  const article = usePortalLoad(tenant === "" ? null : `${tenant}|${locale}|${code}`, (signal) => kbPublicApi.article(tenant, locale, code, signal));

  // The address follows the reader's switch of language, so a shared link opens the same text.
  const shownLocale = useRef(locale);
  useEffect(() => {
    if (shownLocale.current !== locale) {
      shownLocale.current = locale;
      if (lang !== locale) {
        setParams((current) => ({ ...Object.fromEntries(current), lang: locale }), { replace: true });
      }
    }
  }, [lang, locale, setParams]);

  return (
    <KbPortalShell tenant={tenant} pageTitle={article.status === "ready" ? article.data.title : null} backHome>
      {article.status === "loading" && (
        <Center py="xl">
          <Loader aria-label={t("common.loading")} />
        </Center>
      )}
      {article.status === "failed" && (
        <KbLoadFailed title={article.code === "NOT_FOUND" || article.code === "KB_NOT_PUBLISHED" ? t("kbPortal.article.notFound") : undefined} message={article.message} onRetry={article.reload} />
      )}
      {article.status === "ready" && <KbArticleView tenant={tenant} article={article.data} wanted={locale} />}
      <KbHelpLinks tenant={tenant} locale={locale} />
    </KbPortalShell>
  );
}
