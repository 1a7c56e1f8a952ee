import type { ArticleDto } from "@bailanys/common/api/kb";
import { useCallback, useEffect, useState } from "react";
import { ApiError, api } from "../../../api/client.ts";
import { notifyError } from "../../../lib/notifyError.ts";

/** One article with every version of every language; `missing` once the server says there is none. */
export function useArticle(id: string) {
  const [article, setArticle] = useState<ArticleDto | null>(null);
  const [missing, setMissing] = useState(false);

  const reload = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setArticle(await api<ArticleDto>(`/kb/articles/${id}`, { signal }));
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
          setMissing(true);
        } else {
          notifyError(error);
        }
      }
    },
    [id],
  );

  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  return { article, missing, setArticle, reload };
}
