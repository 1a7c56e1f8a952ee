/** The portal's page of a public article, in a language, for a tenant. */
export function portalArticleHref(code: string, tenant: string, lang: string): string {
  return `/kb/${encodeURIComponent(code)}?${new URLSearchParams({ tenant, lang }).toString()}`;
}

/** The portal's front page, or its results when there is a query. */
export function portalSearchHref(tenant: string, q = "", categoryId: string | null = null): string {
  const params = new URLSearchParams({ tenant });
  if (q.trim() !== "") {
    params.set("q", q.trim());
  }
  if (categoryId !== null) {
    params.set("category", categoryId);
  }
  return `/kb?${params.toString()}`;
}

/** An office on OpenStreetMap, or null when it has no coordinates. */
export function mapHref(latitude: number | null, longitude: number | null): string | null {
  if (latitude === null || longitude === null || !Number.isFinite(latitude) || !Number.isFinite(longitude)) {
    return null;
  }
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`;
}

/** The query with the server's typo corrections applied, for "Showing results for …"; null when none applied. */
export function correctedQuery(query: string, corrections: readonly { from: string; to: string }[]): string | null {
  if (corrections.length === 0) {
    return null;
  }
  const fixes = new Map(corrections.map((c) => [c.from.toLowerCase(), c.to]));
  const fixed = query
    .trim()
    .split(/\s+/)
    .map((word) => fixes.get(word.toLowerCase()) ?? word)
    .join(" ");
  // A correction of a word written in another form (punctuation, stemming) still reads best as the list itself.
  return fixed === query.trim().split(/\s+/).join(" ") ? corrections.map((c) => c.to).join(" ") : fixed;
}
