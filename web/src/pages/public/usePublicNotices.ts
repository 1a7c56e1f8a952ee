import type { ServiceNoticeDto } from "@bailanys/common/api/contacts";
import type { Locale } from "@bailanys/common/locales";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { api } from "../../api/client.ts";

/**
 * Interruption notices in force for the centre the page names (`?tenant=`, as links from a body's website
 * carry it), in the reader's language. Without a tenant, or if the list cannot be read, there are none to show:
 * the page itself must keep working.
 */
export function usePublicNotices(locale: Locale): ServiceNoticeDto[] {
  const [params] = useSearchParams();
  const tenant = params.get("tenant");
  const [notices, setNotices] = useState<ServiceNoticeDto[]>([]);
  useEffect(() => {
    if (!tenant) {
      setNotices([]);
      return;
    }
    let current = true;
    api<{ items: ServiceNoticeDto[] }>("/public/notices", { query: { tenant, lang: locale }, redirectOn401: false })
      .then((list) => current && setNotices(list.items))
      .catch(() => current && setNotices([]));
    return () => {
      current = false;
    };
  }, [tenant, locale]);
  return notices;
}
