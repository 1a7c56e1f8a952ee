import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useSearchParams } from "react-router-dom";
import { useLocale } from "../../i18n/useLocale.ts";
import { useLanguageParam } from "../../hooks/useLanguageParam.ts";
import { ChatBody } from "./ChatBody.tsx";
import { ChatFrame } from "./ChatFrame.tsx";
import { useChatConfig } from "./useChatConfig.ts";
import { useChatSession } from "./useChatSession.ts";

/**
 * The citizen's web chat: `/chat` is the hosted page, `/chat/embed` the same chat filling the widget's iframe.
 * Both take `?tenant=<code>` and optionally `&lang=kk|ru|en` (the embedding site's language).
 */
export function ChatPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  const embed = pathname.replace(/\/+$/, "").endsWith("/embed");
  const tenant = (params.get("tenant") ?? "").trim();
  const locale = useLocale();
  useLanguageParam(params.get("lang"));
  const config = useChatConfig(tenant, locale);
  const session = useChatSession(tenant);
  const tenantName = config.config?.tenant.name ?? null;

  useEffect(() => {
    document.title = tenantName ? `${t("chat.title")} · ${tenantName}` : t("chat.title");
  }, [t, tenantName]);

  return (
    <ChatFrame embed={embed} tenantName={tenantName} hours={config.config?.hours ?? []}>
      <ChatBody tenant={tenant} embed={embed} config={config} session={session} />
    </ChatFrame>
  );
}
