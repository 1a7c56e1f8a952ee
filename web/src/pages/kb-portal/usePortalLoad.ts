import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, isAbort } from "../../api/client.ts";
import { i18n } from "../../i18n/i18n.ts";

export type PortalLoad<T> =
  | { status: "loading"; reload(): void }
  | { status: "ready"; data: T; reload(): void }
  | { status: "failed"; code: string; message: string; reload(): void };

type Outcome<T> = { key: string; ok: true; data: T } | { key: string; ok: false; code: string; message: string };

/** One public request for a page, asked again when `key` changes (tenant, language, query…) or on "try again". */
export function usePortalLoad<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): PortalLoad<T> {
  const [outcome, setOutcome] = useState<Outcome<T> | null>(null);
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  // `load` is a new function at every render; `key` names everything it depends on.
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    if (key === null) {
      return undefined;
    }
    const controller = new AbortController();
    loadRef
      .current(controller.signal)
      .then((data) => setOutcome({ key, ok: true, data }))
      .catch((error: unknown) => {
        if (!isAbort(error)) {
          const known = error instanceof ApiError;
          setOutcome({ key, ok: false, code: known ? error.code : "INTERNAL", message: known ? error.message : i18n.t("errors.unexpected") });
        }
      });
    return () => controller.abort();
  }, [key, attempt]);

  if (outcome === null || outcome.key !== key) {
    return { status: "loading", reload };
  }
  return outcome.ok ? { status: "ready", data: outcome.data, reload } : { status: "failed", code: outcome.code, message: outcome.message, reload };
}
