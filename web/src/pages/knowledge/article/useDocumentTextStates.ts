import type { ArticleDto, KbDocumentTextState } from "@bailanys/common/api/kb";
import { useEffect, useState } from "react";
import { api } from "../../../api/client.ts";

const POLL_MS = 3_000;

/** Whether a file's text is searched, and whether it was recognised by OCR. */
export interface TextState {
  state: KbDocumentTextState;
  recognized: boolean;
}
const waiting = (state: KbDocumentTextState): boolean => state === "pending" || state === "reading";

/**
 * Each attachment's text state, asked again every few seconds while the worker has some still to read, so the
 * editor sees "Text searched" appear. Only the states are taken from the answer: reloading the whole article
 * would reset the draft being typed on the same page.
 */
export function useDocumentTextStates(article: ArticleDto): Record<string, TextState> {
  const [fresh, setFresh] = useState<Record<string, TextState>>({});
  const states = Object.fromEntries(article.attachments.map((file) => [file.id, fresh[file.id] ?? { state: file.textState, recognized: file.textRecognized }]));
  const pending = Object.values(states).some((text) => waiting(text.state));

  useEffect(() => {
    if (!pending) {
      return;
    }
    const controller = new AbortController();
    const timer = setInterval(() => {
      api<ArticleDto>(`/kb/articles/${article.id}`, { signal: controller.signal })
        .then((latest) => setFresh(Object.fromEntries(latest.attachments.map((file) => [file.id, { state: file.textState, recognized: file.textRecognized }]))))
        // A failed poll is retried at the next tick; the list itself stays as it is.
        .catch(() => undefined);
    }, POLL_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [article.id, pending]);

  return states;
}
