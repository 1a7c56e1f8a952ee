import type { ArticleListItemDto, ArticleStatsDto } from "@bailanys/common/api/kb";

export interface UsageRow {
  article: ArticleListItemDto;
  stats: ArticleStatsDto | null;
}

/** Every listed article with its use (none yet for some), the most used first, then by code. */
export function usageRows(articles: readonly ArticleListItemDto[], stats: readonly ArticleStatsDto[]): UsageRow[] {
  const byId = new Map(stats.map((s) => [s.articleId, s]));
  const weight = (s: ArticleStatsDto | null) => (s === null ? 0 : s.views + s.sent + s.answered);
  return articles
    .map((article) => ({ article, stats: byId.get(article.id) ?? null }))
    .sort((a, b) => weight(b.stats) - weight(a.stats) || a.article.code.localeCompare(b.article.code));
}

/** The share of citizens' votes that were "helpful", as a whole percent; null without votes. */
export function helpfulShare(stats: Pick<ArticleStatsDto, "helpful" | "unhelpful"> | null): number | null {
  if (stats === null || stats.helpful + stats.unhelpful === 0) {
    return null;
  }
  return Math.round((100 * stats.helpful) / (stats.helpful + stats.unhelpful));
}
