import type { ArticleViewDto, OfficeViewDto, PortalHomeDto, SearchResultDto } from "@bailanys/common/api/kb";
import { api, apiNoContent } from "./client.ts";

/** The portal's front page (the response of GET /public/kb/home). */
export type PortalHome = PortalHomeDto;
/** A topic of the portal's front page with the number of its public articles. */
export type PortalCategory = PortalHomeDto["categories"][number];

// Public calls: a 401 would only mean a wrong tenant or a blocked address, never a session to renew.
const open = { redirectOn401: false } as const;

/** The knowledge base's public API, as the portal and the chat's pre-chat suggestions call it (no sign-in). */
export const kbPublicApi = {
  home: (tenant: string, lang: string, signal: AbortSignal) => api<PortalHome>("/public/kb/home", { ...open, query: { tenant, lang }, signal }),
  search: (tenant: string, lang: string, q: string, options: { categoryId?: string | null; limit?: number; signal: AbortSignal }) =>
    api<SearchResultDto>("/public/kb/search", { ...open, query: { tenant, lang, q, categoryId: options.categoryId, limit: options.limit }, signal: options.signal }),
  article: (tenant: string, lang: string, ref: string, signal: AbortSignal) =>
    api<ArticleViewDto>(`/public/kb/articles/${encodeURIComponent(ref)}`, { ...open, query: { tenant, lang }, signal }),
  feedback: (tenant: string, articleId: string, helpful: boolean, locale: string) =>
    apiNoContent(`/public/kb/articles/${articleId}/feedback`, { ...open, method: "POST", query: { tenant }, json: { helpful, locale } }),
  offices: (tenant: string, lang: string, signal: AbortSignal) => api<{ items: OfficeViewDto[] }>("/public/kb/offices", { ...open, query: { tenant, lang }, signal }),
};
