import { stemKazakh } from "@bailanys/common/kb/kazakh-stemmer";
import { KAZAKH_LETTERS, markdownToPlainText, tokenize } from "@bailanys/common/kb/search-text";
import { sql, type Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { KbArticlesTable, KbFacts, KbVersionsTable } from "../../db/schema-kb.ts";

type Version = Selectable<KbVersionsTable>;
type Article = Pick<Selectable<KbArticlesTable>, "id" | "tenant_id" | "audience" | "category_id" | "tags">;

/**
 * The text-search configuration of each language. PostgreSQL stems Russian and English (Snowball); it has no
 * Kazakh stemmer, so Kazakh words are stemmed here (common/src/kb/kazakh-stemmer.ts) and stored with 'simple'.
 */
export const TS_CONFIG = { ru: "russian", en: "english", kk: "simple" } as const;
export type KbLocale = keyof typeof TS_CONFIG;

/** What the search engine sees of a text: Kazakh stemmed here, other languages as they are (PostgreSQL stems them). */
export function searchableText(locale: KbLocale, text: string): string {
  if (locale !== "kk") {
    return text;
  }
  return tokenize(text).map(stemKazakh).join(" ");
}

export function factsText(facts: KbFacts): string {
  return [facts.description ?? "", ...(facts.documents ?? []), facts.fee ?? "", facts.term ?? ""].filter((part) => part !== "").join("\n");
}

/** The text of all of an article's documents searched with it; a shelf of long regulations stops here. */
const MAX_DOCUMENTS_CHARS = 300_000;

/**
 * Writes the search document of a just-published version: the title weighs most (A), then tags, the attached
 * documents' names and the facts (B), then the body (C), then the documents' text (D). The words of all but the
 * documents' text join the tenant's lexicon, from which typos are corrected (a regulation's thousands of rare
 * words would make "did you mean" suggest them).
 */
export async function indexPublishedVersion(trx: Db, article: Article, version: Version): Promise<void> {
  const locale = version.locale;
  const config = TS_CONFIG[locale];
  const plain = markdownToPlainText(version.body);
  const facts = factsText(version.facts);
  // The names of its documents ("Бланк заявления на субсидию.pdf") find an article as its tags do.
  const documents = await attachedDocuments(trx, article.id);
  const labels = [...article.tags, ...documents.map((document) => document.label)];
  const documentsText = documents
    .filter((document) => document.text !== null)
    .map((document) => `${document.label}: ${document.text}`)
    .join("\n")
    .slice(0, MAX_DOCUMENTS_CHARS);
  const vector = sql`setweight(to_tsvector(${sql.lit(config)}::regconfig, ${searchableText(locale, version.title)}), 'A')
    || setweight(to_tsvector(${sql.lit(config)}::regconfig, ${searchableText(locale, `${labels.join(" ")}\n${facts}`)}), 'B')
    || setweight(to_tsvector(${sql.lit(config)}::regconfig, ${searchableText(locale, plain)}), 'C')
    || setweight(to_tsvector(${sql.lit(config)}::regconfig, ${searchableText(locale, documentsText)}), 'D')`;
  const titleVector = sql`to_tsvector(${sql.lit(config)}::regconfig, ${searchableText(locale, version.title)})`;
  // The snippet of a hit comes from this text, so a match inside a document shows the document's name and words.
  const text = [plain, facts, documentsText].filter((part) => part !== "").join("\n");
  await sql`
    insert into kb_documents (article_id, locale, tenant_id, version_id, audience, category_id, title, plain_text, search_vector, title_vector, published_at)
    values (${article.id}, ${locale}, ${article.tenant_id}, ${version.id}, ${article.audience}, ${article.category_id}, ${version.title},
      ${text}, ${vector}, ${titleVector}, ${version.published_at ?? new Date()})
    on conflict (article_id, locale) do update set version_id = excluded.version_id, audience = excluded.audience,
      category_id = excluded.category_id, title = excluded.title, plain_text = excluded.plain_text,
      search_vector = excluded.search_vector, title_vector = excluded.title_vector, published_at = excluded.published_at`.execute(trx);
  const words = lexiconWords(version, labels);
  if (words.length > 0) {
    await addToLexicon(trx, article.tenant_id, words, locale, article.audience === "public");
  }
}

/** An article's attached documents: each name without its extension, and its text once the worker has read it. */
async function attachedDocuments(db: Db, articleId: string): Promise<{ label: string; text: string | null }[]> {
  const files = await db
    .selectFrom("kb_attachments")
    // Each text is cut in the database: the joined texts are capped anyway, and a shelf of scans need not travel whole.
    .select(["file_name", sql<string | null>`case when text_state = 'read' then left(text_content, ${MAX_DOCUMENTS_CHARS}) end`.as("text")])
    .where("article_id", "=", articleId)
    .orderBy("created_at")
    .execute();
  return files.map((file) => ({ label: fileLabel(file.file_name), text: file.text }));
}

/** "Бланк_заявления-2024.pdf" → "Бланк заявления 2024". */
export function fileLabel(fileName: string): string {
  return fileName.replace(/\.[A-Za-z0-9]{1,5}$/, "").replace(/[_\-.]+/g, " ").trim();
}

/**
 * The words of a version (its title, the article's labels: tags and attached documents' names, its body and
 * facts) that the typo check knows.
 */
export function lexiconWords(version: Pick<Version, "title" | "body" | "facts">, labels: string[]): string[] {
  const text = `${version.title} ${labels.join(" ")} ${markdownToPlainText(version.body)} ${factsText(version.facts)}`;
  return [...new Set(tokenize(text).filter(isLexiconWord))];
}

/**
 * The typo check's words: three letters or more, and the two-letter Kazakh words with a Kazakh letter (үй, іс,
 * ұл), which a citizen on a Russian keyboard types folded ("уй") and must be read back.
 */
function isLexiconWord(word: string): boolean {
  return (word.length >= 3 || KAZAKH_LETTERS.test(word)) && !/^\d+$/.test(word);
}

/**
 * Words of published texts in `locale` (of a public article or not) with their Russian (Snowball) and Kazakh (ours)
 * stems, for the typo check; a word already known from other texts is marked as in these too (a no-op otherwise).
 */
export async function addToLexicon(db: Db, tenantId: string, words: string[], locale: KbLocale, isPublic: boolean): Promise<void> {
  await insertLexicon(db, tenantId, words, words.map(() => ({ kk: locale === "kk", other: locale !== "kk", pub: isPublic })));
}

/** Where a lexicon word was seen: in Kazakh texts, in Russian or English ones, in public articles' texts. */
export interface WordSeen {
  kk: boolean;
  other: boolean;
  pub: boolean;
}

/**
 * Inserts words with where each was seen. A known word's marks are widened (publishing: it is in these texts too),
 * or set exactly (`exact`: the lexicon's rebuild, which saw every text).
 */
export async function insertLexicon(db: Db, tenantId: string, words: string[], seen: WordSeen[], mode: "widen" | "exact" = "widen"): Promise<void> {
  const onConflict =
    mode === "exact"
      ? sql`update set in_kk = excluded.in_kk, in_other = excluded.in_other, in_public = excluded.in_public`
      : sql`update set in_kk = kb_lexicon.in_kk or excluded.in_kk,
          in_other = kb_lexicon.in_other or excluded.in_other, in_public = kb_lexicon.in_public or excluded.in_public
        where (excluded.in_kk and not kb_lexicon.in_kk) or (excluded.in_other and not kb_lexicon.in_other)
          or (excluded.in_public and not kb_lexicon.in_public)`;
  await sql`insert into kb_lexicon (tenant_id, word, ru_stem, kk_stem, in_kk, in_other, in_public)
    select ${tenantId}, w, coalesce((ts_lexize('russian_stem', w))[1], w), k, kk, other, pub
    from unnest(${words}::text[], ${words.map(stemKazakh)}::text[], ${seen.map((s) => s.kk)}::boolean[],
      ${seen.map((s) => s.other)}::boolean[], ${seen.map((s) => s.pub)}::boolean[]) as x(w, k, kk, other, pub)
    on conflict (tenant_id, word) do ${onConflict}`.execute(db);
}

/** An article's audience, category or tags changed: its published translations are indexed again. */
export async function reindexArticle(trx: Db, article: Article): Promise<void> {
  const versions = await trx.selectFrom("kb_versions").selectAll().where("article_id", "=", article.id).where("state", "=", "published").execute();
  for (const version of versions) {
    await indexPublishedVersion(trx, article, version);
  }
}
