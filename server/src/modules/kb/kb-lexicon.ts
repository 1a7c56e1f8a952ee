import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { addToLexicon, fileLabel, insertLexicon, lexiconWords, type KbLocale, type WordSeen } from "./kb-index.ts";

/** Published versions read per page while the words are gathered. */
const PAGE = 1_000;
/** Lexicon rows deleted or written per statement of the swap. */
const CHUNK = 10_000;
/**
 * Versions published this long before the gathering began are in it for sure; those published after that are
 * added again in the swap (a publish whose transaction began before the gathering may commit after its read).
 */
const PUBLISH_MARGIN = "10 minutes";

/**
 * A tenant's published texts may have lost words (a version superseded, an article archived or made internal): its lexicon is
 * rebuilt by the worker. Marked in the transaction of the change; `now()` again on each change, so a change made
 * while a rebuild runs leaves the tenant stale for the next one.
 */
export async function markLexiconStale(db: Db, tenantId: string): Promise<void> {
  await sql`insert into kb_lexicon_state (tenant_id, stale_since) values (${tenantId}, now())
    on conflict (tenant_id) do update set stale_since = now()`.execute(db);
}

/** Between gathering and swapping, for tests of what is published meanwhile; the worker passes nothing. */
export interface RebuildSeams {
  afterGathering?(): Promise<void>;
}

/** Worker job: rebuilds the lexicon of each stale tenant from its published texts. */
export async function rebuildStaleLexicons(db: Db, seams: RebuildSeams = {}): Promise<number> {
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
    rebuilt += (await rebuildLexicon(db, tenantId, since, seams)) ? 1 : 0;
  }
  return rebuilt;
}

/**
 * The words of the tenant's published texts are gathered first, outside any transaction (on 100 000 texts that
 * takes most of the time), and compared with the lexicon as it is; then one short transaction deletes the words
 * no text has, and writes the words that are new or seen in other languages or audiences than before. A search
 * sees the old lexicon or the new one, never a half-built one, and a publish waits only if it shares a changed
 * word. A transaction-scoped advisory lock keeps two workers from swapping the same tenant at once. False when
 * another worker was swapping it.
 */
async function rebuildLexicon(db: Db, tenantId: string, since: string, seams: RebuildSeams): Promise<boolean> {
  const { rows } = await sql<{ began: string }>`select now()::text as began`.execute(db);
  const began = rows[0]?.began ?? "";
  const { words, versions } = await gatherWords(db, tenantId);
  await seams.afterGathering?.();
  const current = await currentLexicon(db, tenantId);
  const gone = [...current.keys()].filter((word) => !words.has(word));
  const changed = [...words].filter(([word, seen]) => {
    const known = current.get(word);
    return known === undefined || known.kk !== seen.kk || known.other !== seen.other || known.pub !== seen.pub;
  });
  return db.transaction().execute(async (trx) => {
    const { rows: lock } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtext('kb_lexicon'), hashtext(${tenantId})) as locked`.execute(trx);
    if (!lock[0]?.locked) {
      return false;
    }
    for (let from = 0; from < gone.length; from += CHUNK) {
      await trx.deleteFrom("kb_lexicon").where("tenant_id", "=", tenantId).where("word", "in", gone.slice(from, from + CHUNK)).execute();
    }
    for (let from = 0; from < changed.length; from += CHUNK) {
      const chunk = changed.slice(from, from + CHUNK);
      await insertLexicon(trx, tenantId, chunk.map(([word]) => word), chunk.map(([, seen]) => seen), "exact");
    }
    // Versions published since the gathering began, which it did not read, add theirs as publishing does (a
    // word they share with a changed one was just narrowed to what the gathering saw).
    const recent = await publishedTexts(trx, tenantId).where(sql<boolean>`v.published_at > ${began}::timestamptz - ${PUBLISH_MARGIN}::interval`).execute();
    for (const version of recent.filter((v) => !versions.has(v.id))) {
      const own = lexiconWords(version, labelsOf(version));
      if (own.length > 0) {
        await addToLexicon(trx, tenantId, own, version.locale, version.audience === "public");
      }
    }
    await trx
      .updateTable("kb_lexicon_state")
      .set({ stale_since: null, rebuilt_at: sql<Date>`now()` })
      .where("tenant_id", "=", tenantId)
      .where(sql<boolean>`stale_since = ${since}::timestamptz`)
      .execute();
    return true;
  });
}

/** The tenant's lexicon as it is: each word with where it was seen. */
async function currentLexicon(db: Db, tenantId: string): Promise<Map<string, WordSeen>> {
  const rows = await db.selectFrom("kb_lexicon").select(["word", "in_kk", "in_other", "in_public"]).where("tenant_id", "=", tenantId).execute();
  return new Map(rows.map((row) => [row.word, { kk: row.in_kk, other: row.in_other, pub: row.in_public }]));
}

/**
 * Every word of the tenant's published texts of articles not archived, with the languages of the texts it is in,
 * and the versions read.
 */
async function gatherWords(db: Db, tenantId: string): Promise<{ words: Map<string, WordSeen>; versions: Set<string> }> {
  const words = new Map<string, WordSeen>();
  const read = new Set<string>();
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const versions = await publishedTexts(db, tenantId).where("v.id", ">", after).orderBy("v.id").limit(PAGE).execute();
    for (const version of versions) {
      read.add(version.id);
      const kazakh = (version.locale satisfies KbLocale) === "kk";
      const isPublic = version.audience === "public";
      for (const word of lexiconWords(version, labelsOf(version))) {
        const seen = words.get(word) ?? { kk: false, other: false, pub: false };
        seen.kk ||= kazakh;
        seen.other ||= !kazakh;
        seen.pub ||= isPublic;
        words.set(word, seen);
      }
    }
    const last = versions[versions.length - 1];
    if (last === undefined || versions.length < PAGE) {
      return { words, versions: read };
    }
    after = last.id;
  }
}

/** An article's tags and its attached documents' names, as indexing reads them. */
const labelsOf = (version: { tags: string[]; files: string[] }): string[] => [...version.tags, ...version.files.map(fileLabel)];

/** The tenant's published versions of articles not archived, with what the lexicon takes from them. */
function publishedTexts(db: Db, tenantId: string) {
  return db
    .selectFrom("kb_versions as v")
    .innerJoin("kb_articles as a", "a.id", "v.article_id")
    .select(["v.id", "v.locale", "v.title", "v.body", "v.facts", "a.tags", "a.audience"])
    .select(sql<string[]>`coalesce((select array_agg(f.file_name) from kb_attachments f where f.article_id = a.id), '{}')`.as("files"))
    .where("a.tenant_id", "=", tenantId)
    .where("a.archived_at", "is", null)
    .where("v.state", "=", "published");
}
