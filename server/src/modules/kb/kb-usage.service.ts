import type { ArticleStatsDto, GapDto } from "@bailanys/common/api/kb";
import { maskPersonalData, tokenize } from "@bailanys/common/kb/search-text";
import type { Locale } from "@bailanys/common/locales";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { KbUsageKind } from "../../db/schema-kb.ts";
import type { Actor } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";

export interface SearchLogEntry {
  tenantId: string;
  audience: "staff" | "public";
  locale: Locale;
  query: string;
  results: number;
  userId: string | null;
  contactId: string | null;
}

/**
 * Keeps a search for the editors' gap list (R10). The query is stored with personal data masked: a citizen
 * types an ИИН or a phone number into a search box more often than one would think.
 */
export async function logSearch(db: Db, entry: SearchLogEntry): Promise<string> {
  const query = maskPersonalData(entry.query).slice(0, 200);
  const row = await db
    .insertInto("kb_searches")
    .values({
      tenant_id: entry.tenantId,
      audience: entry.audience,
      locale: entry.locale,
      query,
      normalized: tokenize(query).join(" ").slice(0, 200),
      results: entry.results,
      user_id: entry.userId,
      contact_id: entry.contactId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A contact named by a staff member must be one of the tenant's. */
export async function checkContact(db: Db, tenantId: string, contactId: string | null | undefined): Promise<void> {
  if (!contactId) {
    return;
  }
  const row = await db.selectFrom("contacts").select("id").where("tenant_id", "=", tenantId).where("id", "=", contactId).executeTakeFirst();
  if (!row) {
    throw AppError.field("contactId", "REFERENCE_UNKNOWN");
  }
}

/** Records that an article was opened, sent or answered a contact (once per contact for "answered"). */
export async function recordUse(db: Db, actor: Actor, articleId: string, input: { kind: KbUsageKind; locale: Locale; contactId?: string | null | undefined }): Promise<void> {
  await checkContact(db, actor.tenantId, input.contactId);
  const article = await db.selectFrom("kb_articles").select("id").where("tenant_id", "=", actor.tenantId).where("id", "=", articleId).executeTakeFirst();
  if (!article) {
    throw new AppError("NOT_FOUND");
  }
  await db
    .insertInto("kb_usage")
    .values({ tenant_id: actor.tenantId, article_id: articleId, locale: input.locale, kind: input.kind, contact_id: input.contactId ?? null, user_id: actor.userId })
    .onConflict((oc) => oc.columns(["contact_id", "article_id"]).where("kind", "=", "answered").doNothing())
    .execute();
}

/** A citizen's "was this helpful?" on the portal. */
export async function recordPublicFeedback(db: Db, tenantId: string, articleId: string, helpful: boolean, locale: Locale): Promise<void> {
  const article = await db.selectFrom("kb_articles").select("id").where("tenant_id", "=", tenantId).where("id", "=", articleId).where("audience", "=", "public").executeTakeFirst();
  if (!article) {
    throw new AppError("NOT_FOUND");
  }
  await db.insertInto("kb_usage").values({ tenant_id: tenantId, article_id: articleId, locale, kind: helpful ? "helpful" : "unhelpful", contact_id: null, user_id: null }).execute();
}

/**
 * The editors' gap list (R10): queries that found nothing, and staff searches in a contact that went on to
 * become an appeal or a transfer without any article marked as the answer. Grouped by the normalised query.
 */
export async function knowledgeGaps(db: Db, tenantId: string, days: number): Promise<GapDto[]> {
  const result = await sql<{ query: string; searches: number; empty: number; escalated: number; last_at: Date }>`
    with recent as (
      select s.normalized, s.results, s.at,
        s.contact_id is not null
          and (exists (select 1 from contact_appeals ca where ca.contact_id = s.contact_id) or c.transferred_at is not null)
          and not exists (select 1 from kb_usage u where u.contact_id = s.contact_id and u.kind = 'answered') as escalated
      from kb_searches s
      left join contacts c on c.id = s.contact_id
      where s.tenant_id = ${tenantId} and s.at >= now() - make_interval(days => ${days}) and s.normalized <> ''
    )
    select normalized as query, count(*)::int as searches, (count(*) filter (where results = 0))::int as empty,
      (count(*) filter (where escalated))::int as escalated, max(at) as last_at
    from recent
    group by normalized
    having count(*) filter (where results = 0 or escalated) > 0
    order by count(*) filter (where results = 0 or escalated) desc, count(*) desc, max(at) desc
    limit 200`.execute(db);
  return result.rows.map((row) => ({ query: row.query, searches: row.searches, empty: row.empty, escalated: row.escalated, lastAt: new Date(row.last_at).toISOString() }));
}

/** How often each article was opened, sent, answered a contact, and what citizens thought of it. */
export async function articleStats(db: Db, tenantId: string, articleIds: string[] | null): Promise<ArticleStatsDto[]> {
  const result = await sql<{ article_id: string; kind: KbUsageKind; n: number; last_at: Date }>`
    select article_id, kind, count(*)::int as n, max(at) as last_at from kb_usage
    where tenant_id = ${tenantId} ${articleIds !== null ? sql`and article_id = any(${articleIds}::uuid[])` : sql``}
    group by article_id, kind`.execute(db);
  const stats = new Map<string, ArticleStatsDto>();
  for (const row of result.rows) {
    const entry = stats.get(row.article_id) ?? { articleId: row.article_id, views: 0, sent: 0, answered: 0, helpful: 0, unhelpful: 0, lastUsedAt: null };
    const key = ({ view: "views", sent: "sent", answered: "answered", helpful: "helpful", unhelpful: "unhelpful" } as const)[row.kind];
    entry[key] = row.n;
    const at = new Date(row.last_at).toISOString();
    if (entry.lastUsedAt === null || at > entry.lastUsedAt) {
      entry.lastUsedAt = at;
    }
    stats.set(row.article_id, entry);
  }
  return [...stats.values()];
}
