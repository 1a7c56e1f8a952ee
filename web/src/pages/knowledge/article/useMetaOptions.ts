import type { ArticleListItemDto, OfficeDto } from "@bailanys/common/api/kb";
import { useEffect, useState } from "react";
import { api } from "../../../api/client.ts";
import { useLocale } from "../../../i18n/useLocale.ts";
import { useLocalizedName } from "../../../i18n/useLocalizedName.ts";
import { notifyError } from "../../../lib/notifyError.ts";
import { articleTitle } from "../articles/translationState.ts";

interface Option {
  value: string;
  label: string;
}

/** Choices for an article's links: the other articles and the offices (inactive ones marked). */
export function useMetaOptions(articleId: string) {
  const locale = useLocale();
  const name = useLocalizedName();
  const [articles, setArticles] = useState<ArticleListItemDto[]>([]);
  const [offices, setOffices] = useState<OfficeDto[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    const signal = controller.signal;
    Promise.all([api<{ items: ArticleListItemDto[] }>("/kb/articles", { query: { limit: 200 }, signal }), api<{ items: OfficeDto[] }>("/kb/offices", { signal })])
      .then(([a, o]) => {
        setArticles(a.items);
        setOffices(o.items);
      })
      .catch((error: unknown) => notifyError(error));
    return () => controller.abort();
  }, []);

  const related: Option[] = articles.filter((a) => a.id !== articleId).map((a) => ({ value: a.id, label: `${articleTitle(a, locale)} (${a.code})` }));
  const officeOptions: Option[] = offices.map((o) => ({ value: o.id, label: o.active ? name(o) : `${name(o)} ✕` }));
  return { related, offices: officeOptions };
}
