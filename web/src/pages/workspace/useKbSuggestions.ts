import type { SearchHitDto } from "@bailanys/common/api/kb";
import { useEffect, useState } from "react";
import { api, isAbort } from "../../api/client.ts";

/** Waits for a burst of citizen messages to end before asking again. */
const SETTLE_MS = 600;

/**
 * Articles for the conversation, asked again when the citizen writes (`citizenSeq` grows) or the knowledge base
 * changes (`revision`). Failures keep the last list: suggestions are a help, not worth an error.
 */
export function useKbSuggestions(contactId: string | null, citizenSeq: number, revision: number): SearchHitDto[] | null {
  const [items, setItems] = useState<{ contactId: string; hits: SearchHitDto[] } | null>(null);
  useEffect(() => {
    if (contactId === null) {
      return undefined;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      api<{ items: SearchHitDto[] }>("/kb/suggestions", { query: { contactId }, signal: controller.signal })
        .then((result) => setItems({ contactId, hits: result.items }))
        .catch((error: unknown) => {
          if (!isAbort(error)) {
            setItems((current) => (current?.contactId === contactId ? current : { contactId, hits: [] }));
          }
        });
    }, SETTLE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [contactId, citizenSeq, revision]);
  return items !== null && items.contactId === contactId ? items.hits : null;
}
