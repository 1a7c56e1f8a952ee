import { useCallback, useEffect, useState } from "react";
import { api } from "../../../../api/client.ts";
import { notifyError } from "../../../../lib/notifyError.ts";

/**
 * A list endpoint answering {items}: loaded when the tab opens (null until then). `put` keeps a saved row in
 * place, or adds it; rows are told apart by `keyOf` (an id, or a user id for operators).
 */
export function useAdminList<T>(path: string, keyOf: (row: T) => string) {
  const [items, setItems] = useState<T[] | null>(null);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setItems((await api<{ items: T[] }>(path, { signal })).items);
      } catch (error) {
        notifyError(error);
      }
    },
    [path],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const put = (row: T) =>
    setItems((list) => {
      const rows = list ?? [];
      const key = keyOf(row);
      return rows.some((r) => keyOf(r) === key) ? rows.map((r) => (keyOf(r) === key ? row : r)) : [...rows, row];
    });

  const drop = (key: string) => setItems((list) => (list ?? []).filter((r) => keyOf(r) !== key));

  return { items, put, drop };
}
