import type { ArticleListItemDto } from "@bailanys/common/api/kb";
import { describe, expect, it } from "vitest";
import { helpfulShare, usageRows } from "./usageRows.ts";

const article = (id: string, code: string): ArticleListItemDto => ({ id, code, categoryId: null, audience: "public", tags: [], translations: [], updatedAt: "2026-01-01T00:00:00Z", archived: false });
const stats = (articleId: string, views: number) => ({ articleId, views, sent: 0, answered: 0, helpful: 3, unhelpful: 1, lastUsedAt: null });

describe("article usage", () => {
  it("joins the stats to the articles, most used first, unused ones kept", () => {
    const rows = usageRows([article("a", "alpha"), article("b", "beta"), article("c", "gamma")], [stats("c", 5), stats("x", 99)]);
    expect(rows.map((r) => [r.article.code, r.stats?.views ?? null])).toEqual([["gamma", 5], ["alpha", null], ["beta", null]]);
  });

  it("gives the helpful share only when someone voted", () => {
    expect(helpfulShare(stats("a", 0))).toBe(75);
    expect(helpfulShare({ helpful: 0, unhelpful: 0 })).toBeNull();
    expect(helpfulShare(null)).toBeNull();
  });
});
