import type { ArticleViewDto } from "@bailanys/common/api/kb";
import { useEffect, useRef, useState } from "react";
import { api, ApiError, isAbort } from "../../api/client.ts";
import { i18n } from "../../i18n/i18n.ts";

export interface KbArticleRequest {
  articleId: string;
  locale: string;
  /** Grows when the operator asks for the newly published text. */
  reload: number;
}

export type KbArticleState = { status: "loading" } | { status: "ready"; article: ArticleViewDto } | { status: "failed"; message: string };

/** A published article as an operator reads it (counted as a view of the contact when there is one). */
export function useKbArticle(request: KbArticleRequest | null, contactId: string | null): KbArticleState {
  const [state, setState] = useState<KbArticleState>({ status: "loading" });
  const articleId = request?.articleId ?? null;
  const locale = request?.locale ?? null;
  const reload = request?.reload ?? 0;

  // The contact only labels the view for statistics: a new contact is no reason to read the article again.
  const contactRef = useRef(contactId);
  useEffect(() => {
    contactRef.current = contactId;
  });

  useEffect(() => {
    if (articleId === null) {
      return undefined;
    }
    const controller = new AbortController();
    setState((current) => (current.status === "ready" && current.article.id === articleId ? current : { status: "loading" }));
    api<ArticleViewDto>(`/kb/read/${encodeURIComponent(articleId)}`, { query: { lang: locale, contactId: contactRef.current }, signal: controller.signal })
      .then((article) => setState({ status: "ready", article }))
      .catch((error: unknown) => {
        if (!isAbort(error)) {
          setState({ status: "failed", message: error instanceof ApiError ? error.message : i18n.t("errors.unexpected") });
        }
      });
    return () => controller.abort();
  }, [articleId, locale, reload]);

  return state;
}
