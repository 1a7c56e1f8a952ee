import type { KbAudience, SearchHitDto } from "@bailanys/common/api/kb";
import { stemKazakh } from "@bailanys/common/kb/kazakh-stemmer";
import { highlight, KAZAKH_LETTERS, tokenize } from "@bailanys/common/kb/search-text";
import type { Locale } from "@bailanys/common/locales";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { synonymsOf } from "./kb-synonym.service.ts";

export interface SearchInput {
  q: string;
  /** The reader's language: its translation is preferred and ranks higher. */
  locale: Locale;
  /** Only articles of this audience (citizens: public); null for both (staff). */
  audience: KbAudience | null;
  categoryId?: string | undefined;
  limit: number;
  /** All words (a typed query) or any word (suggestions from a conversation's text). */
  match?: "all" | "any";
}

export interface SearchOutcome {
  hits: SearchHitDto[];
  corrections: { from: string; to: string }[];
}

/** Longer queries are cut: a pasted paragraph searches by its first words. */
const MAX_WORDS = 12;
/** A typo is only corrected to a word this similar (pg_trgm similarity, 0–1). */
const MIN_SIMILARITY = 0.3;
const NEAR_MARGIN = 0.08;
const SNIPPET_LENGTH = 240;
const MARK_START = "\u0001";
const MARK_END = "\u0002";
/**
 * A snippet is cut from the first this many characters of a text: ts_headline reads all it is given, ~28 ms for an
 * attached regulation's 300 000 characters, per hit. A match deeper in a long document finds the article, but its
 * snippet shows the text's beginning.
 */
const SNIPPET_SOURCE_CHARS = 20_000;
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

interface Position {
  /** Alternatives for one word of the query: the word, its synonyms (maybe several words each), its corrections. */
  alternatives: string[][];
}

interface WordCheck {
  /** Words that no text has, with the nearest words that some text has (or the Kazakh words they fold from). */
  fixes: Map<string, string[]>;
  /** Words that no text has in any form and that nothing is near: they can only keep every article out. */
  absent: Set<string>;
}

/** At most this many Kazakh words for one folded word ("тулеу" may be «төлеу» or «түлеу»). */
const MAX_UNFOLDED = 3;

/**
 * Words that no text has in any form (no word of the lexicon shares their Russian or Kazakh stem) get the Kazakh
 * words they are a folded spelling of ("комеги" → «көмегі»), else the nearest words that some text has (trigram
 * similarity over the lexicon, for words of 4 letters or more); the others are left as typed.
 */
async function checkWords(db: Db, tenantId: string, words: string[], publicOnly: boolean): Promise<WordCheck> {
  const candidates = words.filter((word) => !/\d/.test(word));
  const result: WordCheck = { fixes: new Map(), absent: new Set() };
  if (candidates.length === 0) {
    return result;
  }
  // A citizen's words are checked against public texts' words only: a correction shows them the word.
  const audience = publicOnly ? sql`and l.in_public` : sql``;
  // One column pair per word with the word as a constant, so that each lookup uses its index.
  const columns = candidates.map((word, i) => {
    // Russian stems only among words of Russian or English texts, Kazakh ones among Kazakh texts' words: "алу"
    // is stemmed "ал" in Russian, as the Kazakh "ала" is, and must not pass for a word the texts have.
    const found = sql`(exists (select 1 from kb_lexicon l where l.tenant_id = ${tenantId}
        and l.ru_stem = coalesce((ts_lexize('russian_stem', ${word}))[1], ${word}) and l.in_other ${audience})
      or exists (select 1 from kb_lexicon l where l.tenant_id = ${tenantId} and l.kk_stem = ${stemKazakh(word)} and l.in_kk ${audience}))`;
    // The nearest words, and only those nearly as near as the nearest: "зейнетакы" means "зейнетақы", not also
    // "зейнеткерлік", which merely looks alike.
    const near = word.length < 4 ? sql`null::text[]` : sql`(select array_agg(x.word order by x.s desc) from (
      select l.word, similarity(l.word, ${word}) as s, max(similarity(l.word, ${word})) over () as best from kb_lexicon l
      where l.tenant_id = ${tenantId} and l.word % ${word} ${audience} order by s desc limit 3) x where x.s >= ${MIN_SIMILARITY} and x.s >= x.best - ${NEAR_MARGIN})`;
    // The lexicon keeps each word also folded (migration 202612070001), indexed where that differs from the word.
    const unfolded = KAZAKH_LETTERS.test(word)
      ? sql`null::text[]`
      : sql`(select array_agg(x.word order by x.word) from (select l.word from kb_lexicon l
          where l.tenant_id = ${tenantId} and l.folded = ${word} and l.folded <> l.word ${audience} order by l.word limit ${MAX_UNFOLDED}) x)`;
    return sql`numnode(to_tsquery('russian', ${word})) = 0 or ${found} as ${sql.ref(`known${i}`)}, ${near} as ${sql.ref(`near${i}`)},
      ${unfolded} as ${sql.ref(`unfolded${i}`)}`;
  });
  const row = (await sql<Record<string, boolean | string[] | null>>`select ${sql.join(columns)}`.execute(db)).rows[0] ?? {};
  candidates.forEach((word, i) => {
    const near = row[`near${i}`];
    const unfolded = row[`unfolded${i}`];
    // Read only when the words as typed found nothing: a Kazakh word folded may look like a Russian stem
    // ("уй" is stemmed "у"), so being "known" does not rule out that «үй» was meant.
    if (Array.isArray(unfolded) && unfolded.length > 0) {
      result.fixes.set(word, unfolded);
      return;
    }
    if (row[`known${i}`] === true) {
      return;
    }
    if (Array.isArray(near) && near.length > 0) {
      result.fixes.set(word, near);
    } else {
      result.absent.add(word);
    }
  });
  return result;
}

function tsQueryText(positions: Position[], stem: (word: string) => string, join: " & " | " | "): string {
  return positions
    .map((position) => `(${position.alternatives.map((words) => (words.length === 1 ? stem(words[0] ?? "") : `(${words.map(stem).join(" & ")})`)).join(" | ")})`)
    .join(join);
}

const same = (word: string): string => word;

interface RawHit {
  article_id: string;
  locale: Locale;
  code: string;
  title: string;
  audience: "internal" | "public";
  category_id: string | null;
  score: number;
  headline: string | null;
  plain: string | null;
}

/**
 * How many texts are ranked: those whose title matches first, then others. Ranking reads each text's vector, and a
 * common word (or any of several, in the fallback) is in thousands of texts; these bounds keep a search in tens of
 * milliseconds on 100 000 texts while the texts most likely to be the answer, by their titles, are all weighed.
 */
const RANKED_BY_TITLE = 150;
const RANKED_BEYOND_TITLES = 80;

async function runQuery(db: Db, tenantId: string, input: SearchInput, positions: Position[], join: " & " | " | "): Promise<RawHit[]> {
  const ru = tsQueryText(positions, same, join);
  const kk = tsQueryText(positions, stemKazakh, join);
  const ruQuery = sql`to_tsquery('russian', ${ru})`;
  const enQuery = sql`to_tsquery('english', ${ru})`;
  const kkQuery = sql`to_tsquery('simple', ${kk})`;
  const matches = (column: "search_vector" | "title_vector") => {
    const vector = sql.ref(`d.${column}`);
    return sql`d.tenant_id = ${tenantId}
      and ((d.locale = 'ru' and ${vector} @@ ${ruQuery}) or (d.locale = 'kk' and ${vector} @@ ${kkQuery}) or (d.locale = 'en' and ${vector} @@ ${enQuery}))
      ${input.audience !== null ? sql`and d.audience = ${input.audience}` : sql``}
      ${input.categoryId ? sql`and d.category_id = ${input.categoryId}` : sql``}`;
  };
  const result = await sql<RawHit>`
    with titled as materialized (
      select d.article_id, d.locale from kb_documents d where ${matches("title_vector")} limit ${RANKED_BY_TITLE}
    ),
    -- Texts with the words in their body only are looked for when the titles did not fill their bound: a full
    -- bound of title matches outranks them (weight A against C), and for a common word PostgreSQL reads bodies
    -- row by row until it has enough, which took longer than the rest of the search.
    bodied as materialized (
      select d.article_id, d.locale from kb_documents d
      where (select count(*) from titled) < ${RANKED_BY_TITLE} and ${matches("search_vector")} limit ${RANKED_BEYOND_TITLES}
    ),
    candidates as (select * from titled union select * from bodied),
    matched as (
      select d.article_id, d.locale, d.title, d.audience, d.category_id,
        ts_rank(d.search_vector, case d.locale when 'kk' then ${kkQuery} when 'en' then ${enQuery} else ${ruQuery} end, 32)
          * case when d.locale = ${input.locale} then 1.0 else 0.7 end as score
      from candidates c join kb_documents d on d.article_id = c.article_id and d.locale = c.locale
    ),
    best as (
      select distinct on (article_id) * from matched order by article_id, (locale = ${input.locale}) desc, score desc
    ),
    top as (select * from best order by score desc, title limit ${input.limit})
    select top.article_id, top.locale, a.code, top.title, top.audience, top.category_id, top.score::float8 as score,
      case when top.locale = 'kk' then null
        else ts_headline(case top.locale when 'en' then 'english' else 'russian' end::regconfig, left(d.plain_text, ${SNIPPET_SOURCE_CHARS}),
          case top.locale when 'en' then ${enQuery} else ${ruQuery} end, ${HEADLINE_OPTIONS}) end as headline,
      case when top.locale = 'kk' then left(d.plain_text, ${SNIPPET_SOURCE_CHARS}) else null end as plain
    from top
    join kb_documents d on d.article_id = top.article_id and d.locale = top.locale
    join kb_articles a on a.id = top.article_id
    order by top.score desc, top.title`.execute(db);
  return result.rows;
}

/** Nothing matched word by word: titles that look like the query (heavy typos, a half-remembered name). */
async function titleLookalikes(db: Db, tenantId: string, input: SearchInput): Promise<RawHit[]> {
  const q = input.q.trim().toLowerCase();
  const result = await sql<RawHit>`
    select distinct on (d.article_id) d.article_id, d.locale, a.code, d.title, d.audience, d.category_id,
      word_similarity(${q}, lower(d.title))::float8 as score, null::text as headline, left(d.plain_text, ${SNIPPET_SOURCE_CHARS}) as plain
    from kb_documents d join kb_articles a on a.id = d.article_id
    where d.tenant_id = ${tenantId} and ${q} <% lower(d.title)
      ${input.audience !== null ? sql`and d.audience = ${input.audience}` : sql``}
      ${input.categoryId ? sql`and d.category_id = ${input.categoryId}` : sql``}
    order by d.article_id, (d.locale = ${input.locale}) desc, score desc
    limit ${input.limit}`.execute(db);
  return result.rows.sort((a, b) => b.score - a.score);
}

/** ts_headline marks matches with control characters; the client gets plain text and character ranges. */
function rangesFromHeadline(headline: string): { snippet: string; ranges: [number, number][] } {
  let snippet = "";
  const ranges: [number, number][] = [];
  let start = -1;
  for (const char of headline) {
    if (char === MARK_START) {
      start = snippet.length;
    } else if (char === MARK_END) {
      if (start >= 0) {
        ranges.push([start, snippet.length]);
      }
      start = -1;
    } else {
      snippet += char;
    }
  }
  return { snippet, ranges };
}

function present(hit: RawHit, positions: Position[]): SearchHitDto {
  let shown: { snippet: string; ranges: [number, number][] };
  if (hit.headline !== null) {
    shown = rangesFromHeadline(hit.headline);
  } else {
    const stems = new Set(positions.flatMap((position) => position.alternatives.flat().map(stemKazakh)));
    shown = highlight(hit.plain ?? "", (word) => stems.has(stemKazakh(word)), { maxLength: SNIPPET_LENGTH });
  }
  return {
    articleId: hit.article_id,
    code: hit.code,
    locale: hit.locale,
    title: hit.title,
    snippet: shown.snippet,
    ranges: shown.ranges,
    audience: hit.audience,
    categoryId: hit.category_id,
    score: Math.round(hit.score * 10000) / 10000,
  };
}

/**
 * Searches the published articles in every language, the reader's first: Russian and English stemmed by
 * PostgreSQL, Kazakh by our stemmer, synonyms and typo corrections as alternatives of each word. All words must
 * match; when no article has them all, articles with some of them; when none has any, titles that look like the
 * query.
 */
export async function searchKnowledge(db: Db, tenantId: string, input: SearchInput): Promise<SearchOutcome> {
  const words = [...new Set(tokenize(input.q))].slice(0, MAX_WORDS);
  if (words.length === 0) {
    return { hits: [], corrections: [] };
  }
  const synonyms = await synonymsOf(db, tenantId);
  const join = input.match === "any" ? " | " : " & ";
  const typed: Position[] = words.map((word) => ({ alternatives: [[word], ...(synonyms.get(word) ?? [])] }));
  // Words as typed that found articles are not typos: only a query that found nothing pays for the word check
  // and a second search. (Run beside the first search, the check's trigram scans over a lexicon of 400 000 words
  // took a core from every search on a 2-core machine: API p95 near 20 ms instead of 16.)
  const typedHits = await runQuery(db, tenantId, input, typed, join);
  if (typedHits.length > 0) {
    return { hits: typedHits.map((hit) => present(hit, typed)), corrections: [] };
  }
  const { fixes, absent } = await checkWords(db, tenantId, words, input.audience === "public");
  // A word no text has in any form, and nothing is near, is left out while other words remain (a made-up word
  // beside "пенсия" still finds the pension articles), as a search engine ignores it.
  const dropAbsent = words.some((word) => !absent.has(word));
  const positions: Position[] = [];
  words.forEach((word, i) => {
    if (!(dropAbsent && absent.has(word))) {
      positions.push({ alternatives: [...(typed[i]?.alternatives ?? []), ...(fixes.get(word) ?? []).map((fix) => [fix])] });
    }
  });
  const correctionList = [...fixes.entries()].map(([from, to]) => ({ from, to: to[0] ?? from }));
  let hits = fixes.size === 0 && positions.length === typed.length ? [] : await runQuery(db, tenantId, input, positions, join);
  if (hits.length === 0 && positions.length > 1 && input.match !== "any") {
    hits = await runQuery(db, tenantId, input, positions, " | ");
  }
  if (hits.length === 0) {
    hits = await titleLookalikes(db, tenantId, input);
  }
  return { hits: hits.map((hit) => present(hit, positions)), corrections: correctionList };
}

/** A topic's published articles (its subtopics' too), by title, each once in the reader's language where it can be. */
export async function browseCategory(db: Db, tenantId: string, input: { categoryId: string; locale: Locale; publicOnly: boolean; limit: number }): Promise<SearchHitDto[]> {
  const result = await sql<RawHit>`
    with recursive topics (id) as (
      select id from classifier_items where tenant_id = ${tenantId} and id = ${input.categoryId}
      union all
      select c.id from classifier_items c join topics t on c.parent_id = t.id where c.tenant_id = ${tenantId}
    )
    select * from (
      select distinct on (d.article_id) d.article_id, d.locale, a.code, d.title, d.audience, d.category_id, 0::float8 as score,
        null::text as headline, left(d.plain_text, 2000) as plain
      from kb_documents d join kb_articles a on a.id = d.article_id
      where d.tenant_id = ${tenantId} and d.category_id in (select id from topics)
        ${input.publicOnly ? sql`and d.audience = 'public'` : sql``}
      order by d.article_id, (d.locale = ${input.locale}) desc
    ) x
    order by title
    limit ${input.limit}`.execute(db);
  return result.rows.map((hit) => present(hit, []));
}
