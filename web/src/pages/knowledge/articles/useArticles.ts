import type { ArticleListItemDto, KbAudience } from "@bailanys/common/api/kb";
import { useDebouncedValue } from "@mantine/hooks";
import { useCallback, useEffect, useState } from "react";
import { api } from "../../../api/client.ts";
import { notifyError } from "../../../lib/notifyError.ts";

export const ARTICLE_STATES = ["all", "draft", "review", "scheduled", "published", "due", "archived"] as const;
export type ArticleStateFilter = (typeof ARTICLE_STATES)[number];

export interface ArticleFilter {
  state: ArticleStateFilter;
  categoryId: string | null;
  audience: KbAudience | null;
  q: string;
}

/** The articles matching a filter (null while the first answer is on its way); the text is debounced. */
export function useArticles(filter: ArticleFilter) {
  const [items, setItems] = useState<ArticleListItemDto[] | null>(null);
  const [q] = useDebouncedValue(filter.q.trim(), 300);
  const { state, categoryId, audience } = filter;

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const query = { state: state === "all" ? undefined : state, categoryId, audience, q, limit: 200 };
        setItems((await api<{ items: ArticleListItemDto[] }>("/kb/articles", { query, signal })).items);
      } catch (error) {
        notifyError(error);
      }
    },
    [state, categoryId, audience, q],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  return { items, reload: load };
}
