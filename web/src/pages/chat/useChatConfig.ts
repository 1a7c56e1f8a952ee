import type { ChatConfig } from "@bailanys/common/api/contacts";
import type { Locale } from "@bailanys/common/locales";
import { useCallback, useEffect, useState } from "react";
import { ApiError, isAbort } from "../../api/client.ts";
import { i18n } from "../../i18n/i18n.ts";
import { chatApi } from "./chatApi.ts";

export interface ChatConfigState {
  config: ChatConfig | null;
  error: string | null;
  reload(): void;
}

/** The tenant's chat settings in the reader's language; asked again when the language changes. */
export function useChatConfig(tenant: string, locale: Locale): ChatConfigState {
  const [config, setConfig] = useState<ChatConfig | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (tenant === "") {
      return undefined;
    }
    const controller = new AbortController();
    chatApi
      .config(tenant, locale, controller.signal)
      .then((loaded) => {
        setConfig(loaded);
        setError(null);
      })
      .catch((failure: unknown) => {
        if (!isAbort(failure)) {
          setError(failure instanceof ApiError ? failure.message : i18n.t("errors.unexpected"));
        }
      });
    return () => controller.abort();
  }, [tenant, locale, attempt]);

  return { config, error, reload: useCallback(() => setAttempt((n) => n + 1), []) };
}
