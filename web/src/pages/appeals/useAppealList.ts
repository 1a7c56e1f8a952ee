import type { AppealListItem, AppealListQuery, AppealPage } from "@bailanys/common/api/appeals";
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../../api/client.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { notifyError } from "../../lib/notifyError.ts";

export interface AppealList {
  items: AppealListItem[];
  loading: boolean;
  hasMore: boolean;
  loadMore: () => void;
}

const PAGE_SIZE = 50;

/** The registry query: first page whenever the filters (or the language of the names) change, then "load more". */
export function useAppealList(query: AppealListQuery): AppealList {
  const locale = useLocale();
  const [items, setItems] = useState<AppealListItem[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const controller = useRef<AbortController | null>(null);
  // The filters by value: a new object with the same filters must not refetch.
  const key = JSON.stringify(query);
  const latestQuery = useRef(query);
  latestQuery.current = query;

  const fetchPage = useCallback(
    async (cursor: string | null) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setLoading(true);
      try {
        const page = await api<AppealPage>("/appeals", {
          query: { ...latestQuery.current, limit: PAGE_SIZE, cursor: cursor ?? undefined },
          signal: current.signal,
        });
        setItems((previous) => (cursor === null ? page.items : [...previous, ...page.items]));
        setNextCursor(page.nextCursor);
      } catch (error) {
        notifyError(error);
      } finally {
        if (!current.signal.aborted) {
          setLoading(false);
        }
      }
    },
    [key],
  );

  useEffect(() => {
    void fetchPage(null);
    return () => controller.current?.abort();
  }, [fetchPage, locale]);

  const loadMore = useCallback(() => {
    if (nextCursor !== null) {
      void fetchPage(nextCursor);
    }
  }, [fetchPage, nextCursor]);

  return { items, loading, hasMore: nextCursor !== null, loadMore };
}
