import type { DueDateResponse } from "@bailanys/common/api/calendar";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { api, isAbort } from "../api/client.ts";

export type DueDatePreviewState =
  | { state: "idle" }
  | { state: "loading" }
  | { state: "ready"; due: DueDateResponse }
  | { state: "failed"; message: string };

/**
 * The legal deadline the server will set, recomputed whenever the term or the reception time changes; a new
 * `revision` recomputes the same inputs (after the calendar itself was edited).
 */
export function useDueDatePreview(term: number | null, termUnit: "WD" | "CD", receivedIso: string | null, revision = 0): DueDatePreviewState {
  const [result, setResult] = useState<DueDatePreviewState>({ state: "idle" });
  const [received] = useDebouncedValue(receivedIso, 300);

  useEffect(() => {
    if (term === null || received === null) {
      setResult({ state: "idle" });
      return;
    }
    const controller = new AbortController();
    setResult({ state: "loading" });
    api<DueDateResponse>("/calendar/due-date", { query: { received, term, unit: termUnit }, signal: controller.signal })
      .then((due) => setResult({ state: "ready", due }))
      .catch((error: unknown) => {
        if (!isAbort(error)) {
          setResult({ state: "failed", message: error instanceof Error ? error.message : String(error) });
        }
      });
    return () => controller.abort();
  }, [term, termUnit, received, revision]);

  return result;
}
