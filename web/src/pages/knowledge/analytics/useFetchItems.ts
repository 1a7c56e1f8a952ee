import { useEffect, useState } from "react";
import { api } from "../../../api/client.ts";
import { notifyError } from "../../../lib/notifyError.ts";

/** An {items} endpoint read again whenever its query changes; null until the answer comes. */
export function useFetchItems<T>(path: string, query: Record<string, string> = {}) {
  const [items, setItems] = useState<T[] | null>(null);
  const key = JSON.stringify(query);

  useEffect(() => {
    const controller = new AbortController();
    setItems(null);
    api<{ items: T[] }>(path, { query: JSON.parse(key) as Record<string, string>, signal: controller.signal })
      .then((answer) => setItems(answer.items))
      .catch((error: unknown) => notifyError(error));
    return () => controller.abort();
  }, [path, key]);

  return items;
}
