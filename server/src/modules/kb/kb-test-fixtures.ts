import type { ArticleDto, VersionDto } from "@bailanys/common/api/kb";
import { expect } from "vitest";
import type { ApiClient } from "../../test/harness.ts";

export interface ArticleSpec {
  code: string;
  audience?: "internal" | "public";
  categoryId?: string | null;
  tags?: string[];
  officeIds?: string[];
  /** Text per language; the first is created with the article, the others added as translations. */
  texts: Partial<Record<"kk" | "ru" | "en", { title: string; body: string; facts?: Record<string, unknown> }>>;
  reviewBy?: string;
}

export const SOURCE = { sourceTitle: "Социальный кодекс Республики Казахстан", sourceReference: "ст. 207, п. 1", sourceDate: "2023-04-20" };

/** Writes an article through the API as `editor` and publishes every translation as `approver`. */
export async function publishArticle(editor: ApiClient, approver: ApiClient, spec: ArticleSpec): Promise<ArticleDto> {
  const entries = Object.entries(spec.texts) as ["kk" | "ru" | "en", { title: string; body: string; facts?: Record<string, unknown> }][];
  const [first, ...rest] = entries;
  if (!first) {
    throw new Error("an article needs a text");
  }
  const draft = (text: { title: string; body: string; facts?: Record<string, unknown> }) => ({ ...text, ...SOURCE, validFrom: "2026-01-01", reviewBy: spec.reviewBy ?? "2027-12-31" });
  const created = await editor.post("/api/v1/kb/articles", {
    code: spec.code,
    audience: spec.audience ?? "public",
    categoryId: spec.categoryId ?? null,
    tags: spec.tags ?? [],
    officeIds: spec.officeIds ?? [],
    locale: first[0],
    draft: draft(first[1]),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const article = created.body as ArticleDto;
  const versionIds = [article.versions[0]?.id ?? ""];
  for (const [locale, text] of rest) {
    const saved = await editor.request("PUT", `/api/v1/kb/articles/${article.id}/translations/${locale}/draft`, draft(text));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    versionIds.push((saved.body as VersionDto).id);
  }
  for (const id of versionIds) {
    expect((await editor.post(`/api/v1/kb/versions/${id}/submit`)).status).toBe(200);
    const approved = await approver.post(`/api/v1/kb/versions/${id}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  }
  return (await editor.get(`/api/v1/kb/articles/${article.id}`)).body as ArticleDto;
}
