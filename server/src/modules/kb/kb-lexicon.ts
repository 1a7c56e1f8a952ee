import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { addToLexicon, lexiconWords } from "./kb-index.ts";

/** Published versions read per round of a rebuild (their words are inserted in one statement per language). */
const PAGE = 500;

/**
 * A tenant's published texts may have lost words (a version superseded, an article archived): its lexicon is
 * rebuilt by the worker. Marked in the transaction of the change; `now()` again on each change, so a change made
 * while a rebuild runs leaves the tenant stale for the next one.
 */
export async function markLexiconStale(db: Db, tenantId: string): Promise<void> {
  await sql`insert into kb_lexicon_state (tenant_id, stale_since) values (${tenantId}, now())
    on conflict (tenant_id) do update set stale_since = now()`.execute(db);
}

/**
 * Worker job: rebuilds the lexicon of each stale tenant from its published texts, in one transaction per tenant
 * (a search sees the old lexicon or the new one, never a half-built one). A transaction-scoped advisory lock keeps
 * two workers off the same tenant; publishing meanwhile waits only for the words it shares with the rebuild.
 */
export async function rebuildStaleLexicons(db: Db): Promise<number> {
  // The mark as text: a JS Date would drop its microseconds, and the mark read could never be matched to clear it.
  const stale = await db
    .selectFrom("kb_lexicon_state")
    .select(["tenant_id", sql<string>`stale_since::text`.as("stale_since")])
    .where("stale_since", "is not", null)
    .orderBy("stale_since")
    .limit(20)
    .execute();
  let rebuilt = 0;
  for (const { tenant_id: tenantId, stale_since: since } of stale) {
    const done = await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtext('kb_lexicon'), hashtext(${tenantId})) as locked`.execute(trx);
      if (!rows[0]?.locked) {
        return false;
      }
      await rebuildLexicon(trx, tenantId);
      await trx
        .updateTable("kb_lexicon_state")
        .set({ stale_since: null, rebuilt_at: sql<Date>`now()` })
        .where("tenant_id", "=", tenantId)
        .where(sql<boolean>`stale_since = ${since}::timestamptz`)
        .execute();
      return true;
    });
    rebuilt += done ? 1 : 0;
  }
  return rebuilt;
}

/** The tenant's lexicon, made again from the words of its published versions of articles not archived. */
async function rebuildLexicon(trx: Db, tenantId: string): Promise<void> {
  await trx.deleteFrom("kb_lexicon").where("tenant_id", "=", tenantId).execute();
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const versions = await trx
      .selectFrom("kb_versions as v")
      .innerJoin("kb_articles as a", "a.id", "v.article_id")
      .select(["v.id", "v.locale", "v.title", "v.body", "v.facts", "a.tags"])
      .where("a.tenant_id", "=", tenantId)
      .where("a.archived_at", "is", null)
      .where("v.state", "=", "published")
      .where("v.id", ">", after)
      .orderBy("v.id")
      .limit(PAGE)
      .execute();
    if (versions.length === 0) {
      return;
    }
    for (const locale of ["kk", "ru", "en"] as const) {
      const words = new Set(versions.filter((v) => v.locale === locale).flatMap((v) => lexiconWords(v, v.tags)));
      if (words.size > 0) {
        await addToLexicon(trx, tenantId, [...words], locale);
      }
    }
    after = versions[versions.length - 1]?.id ?? after;
  }
}
