/**
 * Knowledge-base search over 50 000 articles, each in Kazakh and Russian (100 000 published texts): the search
 * API (HTTP, auth, synonyms, typo check, both languages, snippets, the search log) and the search service alone,
 * against PostgreSQL's plain full-text query of the same words on the same database in the same run (1 client).
 * The typo check's lexicon is built by the worker's rebuild from every word of the texts (about 400 000), timed
 * against reading the texts alone.
 * Then every 50th article gets an attached document of 30 000 characters (its text as the worker reads it, indexed
 * by the publish path) and the API is measured again; reading a PDF's text in its thread is timed against starting
 * an empty thread, and recognising a scanned page (OCR) against reading a PDF's own text.
 * BENCH_KEEP_DB=1 keeps the loaded database and prints its URL; BENCH_KB_DB=<that URL> measures it again without
 * loading (to compare changes to the search on the same base).
 */
import { stemKazakh } from "@bailanys/common/kb/kazakh-stemmer";
import { tokenize } from "@bailanys/common/kb/search-text";
import { sql } from "kysely";
import { Agent, request } from "undici";
import { buildApp } from "../server/src/app.ts";
import { openDatabase } from "../server/src/db/database.ts";
import { migrate } from "../server/src/db/migrate.ts";
import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { ATTACHMENT_TYPES } from "@bailanys/common/attachments";
import { documentText } from "../server/src/modules/kb/document-text/document-text.ts";
import { ocrAvailable } from "../server/src/modules/kb/document-text/ocr.ts";
import { reindexArticle } from "../server/src/modules/kb/kb-index.ts";
import { markLexiconStale, rebuildStaleLexicons } from "../server/src/modules/kb/kb-lexicon.ts";
import { searchKnowledge } from "../server/src/modules/kb/kb-search.service.ts";
import { loadConfig } from "../server/src/platform/config.ts";
import { createEventBus } from "../server/src/realtime/event-bus.ts";
import { seedDemo } from "../server/src/seed/demo-seed.ts";
import type { Db } from "../server/src/db/database.ts";
import { dropDatabase, freshDatabase } from "./fresh-database.ts";
import { closedLoop, formatResult } from "./load.ts";

const ARTICLES = Number(process.env.BENCH_KB_ARTICLES ?? 50_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8) / 2;
const PASSWORD = "bench-password-1";
const BATCH = 2_000;

// Words of public-service texts; each article is a random mix, so that common words match thousands of texts
// and rare ones a few, as in a real base.
const RU = "пенсия пособие субсидия справка удостоверение паспорт регистрация заявление документы срок оплата бесплатно жилищная помощь коммунальные услуги водоснабжение отопление ремонт дороги транспорт школа детский сад очередь налог земельный участок недвижимость собственность регистрация брака рождение ребёнка смерть инвалидность многодетная семья безработица занятость трудоустройство обучение лицензия разрешение строительство предприниматель бизнес субсидирование кредит льгота компенсация выплата назначение перерасчёт обжалование жалоба приём граждан акимат управление отдел центр обслуживания населения портал электронное правительство".split(" ");
const KK = "зейнетақы жәрдемақы субсидия анықтама куәлік төлқұжат тіркеу өтініш құжаттар мерзім төлем тегін тұрғын үй көмегі коммуналдық қызметтер сумен жабдықтау жылу жөндеу жолдар көлік мектеп балабақша кезек салық жер учаскесі жылжымайтын мүлік меншік неке тіркеу баланың тууы қайтыс болу мүгедектік көпбалалы отбасы жұмыссыздық жұмыспен қамту оқыту лицензия рұқсат құрылыс кәсіпкер бизнес несие жеңілдік өтемақы төлеу тағайындау қайта есептеу шағым азаматтарды қабылдау әкімдік басқарма бөлім халыққа қызмет көрсету орталығы портал электрондық үкімет".split(" ");
const QUERIES = [
  "жилищная помощь",
  "пенсии по инвалидности",
  "справку о регистрации",
  "субсидии многодетным семьям",
  "зейнетақыны тағайындау",
  "тұрғын үй көмегін",
  "куәлік алу мерзімі",
  "пенсея",
  "удостоверене личности",
  "земельного участка",
];

/** A small deterministic generator, so that every run measures the same base. */
function random(seed: number): () => number {
  let x = seed % 2147483647 || 1;
  return () => {
    x = (x * 48271) % 2147483647;
    return x / 2147483647;
  };
}

const SYLLABLES = "ба ра ко ли ме ту сы нар дал кен жол тас бек мир ов ан ер ин ет ол ус ай ым ге ша".split(" ");

/**
 * An article's text: a few words of the service vocabulary (each in a few percent of the base, as "пенсия" is in a
 * real one) among filler words of a large made-up vocabulary, so that a query matches hundreds of texts, not all.
 */
function text(words: string[], seed: number, topicWords: number, fillerWords: number): string {
  const next = random(seed);
  const out: string[] = [];
  for (let i = 0; i < topicWords; i += 1) {
    out.push(words[Math.floor(next() * words.length)] ?? "");
  }
  for (let i = 0; i < fillerWords; i += 1) {
    const syllables = 2 + Math.floor(next() * 3);
    out.splice(Math.floor(next() * out.length), 0, Array.from({ length: syllables }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)] ?? "").join(""));
  }
  return out.join(" ");
}

/** The demo tenant and ARTICLES articles in kk and ru, published, as the publish path writes them (in bulk). */
async function load(db: Db): Promise<void> {
  await seedDemo(db, PASSWORD, 1024);
  const tenant = await db.selectFrom("tenants").select("id").executeTakeFirstOrThrow();
  const editor = await db.selectFrom("users").select("id").where("login", "=", "editor").executeTakeFirstOrThrow();
  for (let from = 0; from < ARTICLES; from += BATCH) {
    const n = Math.min(BATCH, ARTICLES - from);
    const seeds = Array.from({ length: n }, (_, i) => from + i + 1);
    const ru = seeds.map((seed) => ({ title: text(RU, seed, 3, 2), body: text(RU, seed * 7, 6, 80) }));
    const kk = seeds.map((seed) => ({ title: text(KK, seed, 3, 2), body: text(KK, seed * 7, 6, 80) }));
    // The same rows the publish path writes (kb-index.ts), in bulk: PostgreSQL stems Russian, we stem Kazakh.
    await sql`
      with a as (
        insert into kb_articles (tenant_id, code, audience, created_by)
        select ${tenant.id}::uuid, 'bench-' || s, case when s % 4 = 0 then 'internal' else 'public' end, ${editor.id}::uuid
        from unnest(${seeds}::int[]) as s returning id, code, audience
      ),
      src as (
        select a.id as article_id, a.audience, l.locale, l.title, l.body, l.stemmed, l.stemmed_title
        from a join unnest(${seeds.map((s) => `bench-${s}`)}::text[], ${ru.map((r) => r.title)}::text[], ${ru.map((r) => r.body)}::text[],
          ${kk.map((k) => k.title)}::text[], ${kk.map((k) => k.body)}::text[], ${kk.map((k) => tokenize(k.body).map(stemKazakh).join(" "))}::text[],
          ${kk.map((k) => tokenize(k.title).map(stemKazakh).join(" "))}::text[])
          as t(code, ru_title, ru_body, kk_title, kk_body, kk_stemmed, kk_stemmed_title) on t.code = a.code
        cross join lateral (values ('ru', t.ru_title, t.ru_body, null::text, null::text), ('kk', t.kk_title, t.kk_body, t.kk_stemmed, t.kk_stemmed_title))
          as l(locale, title, body, stemmed, stemmed_title)
      ),
      v as (
        insert into kb_versions (tenant_id, article_id, locale, number, state, title, body, source_title, source_reference, review_by, author_id, published_at)
        select ${tenant.id}::uuid, article_id, locale, 1, 'published', title, body, 'Bench', 'ref', '2030-01-01', ${editor.id}::uuid, now() from src
        returning id, article_id, locale
      )
      insert into kb_documents (article_id, locale, tenant_id, version_id, audience, title, plain_text, search_vector, title_vector, published_at)
      select src.article_id, src.locale, ${tenant.id}::uuid, v.id, src.audience, src.title, src.body,
        case when src.locale = 'kk' then setweight(to_tsvector('simple', src.stemmed_title), 'A') || setweight(to_tsvector('simple', src.stemmed), 'C')
          else setweight(to_tsvector('russian', src.title), 'A') || setweight(to_tsvector('russian', src.body), 'C') end,
        case when src.locale = 'kk' then to_tsvector('simple', src.stemmed_title) else to_tsvector('russian', src.title) end, now()
      from src join v on v.article_id = src.article_id and v.locale = src.locale`.execute(db);
  }
  // As autovacuum leaves a table in production: the GIN index's pending entries merged, visibility known.
  await sql`vacuum analyze`.execute(db);
}

/**
 * The typo check's lexicon as publishing writes it (every word of every published text), made by the worker's
 * rebuild (kb-lexicon.ts), timed against reading the same texts alone.
 */
async function buildLexicon(db: Db, tenantId: string): Promise<string[]> {
  const readStart = performance.now();
  await sql`select title, body from kb_versions where tenant_id = ${tenantId}::uuid and state = 'published'`.execute(db);
  const read = performance.now() - readStart;
  await markLexiconStale(db, tenantId);
  const rebuildStart = performance.now();
  await rebuildStaleLexicons(db);
  const rebuild = performance.now() - rebuildStart;
  await sql`vacuum analyze kb_lexicon`.execute(db);
  const { words } = await db.selectFrom("kb_lexicon").select((eb) => eb.fn.countAll<string>().as("words")).where("tenant_id", "=", tenantId).executeTakeFirstOrThrow();
  // Again with nothing changed: the swap then writes nothing, the steady state of the worker's job.
  await markLexiconStale(db, tenantId);
  const againStart = performance.now();
  await rebuildStaleLexicons(db);
  const again = performance.now() - againStart;
  return [
    `  lexicon rebuilt from ${ARTICLES * 2} texts (${Number(words)} words) in ${(rebuild / 1000).toFixed(1)} s; reading the texts alone: ${(read / 1000).toFixed(1)} s (${(rebuild / read).toFixed(1)}×)`,
    `  rebuilt again with nothing changed: ${(again / 1000).toFixed(1)} s (${(again / read).toFixed(1)}× the read)`,
  ];
}

const DOCUMENT_EVERY = 50;
const DOCUMENT_CHARS = 30_000;

/** Every 50th article gets a document whose text the worker has read, indexed as the job does (kb-document-text.ts). */
async function attachDocuments(db: Db, tenantId: string): Promise<string[]> {
  const existing = await db.selectFrom("kb_attachments").select("id").limit(1).executeTakeFirst();
  if (existing !== undefined) {
    return ["  documents already attached (kept base)"];
  }
  const editor = await db.selectFrom("users").select("id").where("login", "=", "editor").executeTakeFirstOrThrow();
  const articles = await db.selectFrom("kb_articles").selectAll().where("tenant_id", "=", tenantId).where("code", "like", "bench-%").where(sql<boolean>`substr(code, 7)::int % ${DOCUMENT_EVERY} = 0`).execute();
  const start = performance.now();
  for (const [i, article] of articles.entries()) {
    const content = text(RU, 1_000_000 + i, 20, 4_000).slice(0, DOCUMENT_CHARS);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("kb_attachments")
        .values({ tenant_id: tenantId, article_id: article.id, file_name: `Положение-${i}.pdf`, content_type: ATTACHMENT_TYPES.pdf, size_bytes: 1, content: Buffer.from("%PDF"), created_by: editor.id, text_state: "read", text_content: content })
        .execute();
      await reindexArticle(trx, article);
    });
  }
  const took = performance.now() - start;
  await sql`vacuum analyze kb_documents`.execute(db);
  return [`  attached a ${DOCUMENT_CHARS}-character document to ${articles.length} articles, indexed in ${(took / articles.length).toFixed(1)} ms per article (both languages)`];
}

/** A one-page PDF's text read in its own thread, against starting and stopping an empty thread; a scan's OCR against that. */
async function timePdfReading(): Promise<string[]> {
  const pdf = readFileSync(new URL("../server/src/modules/kb/document-text/fixtures/housing-aid-form.pdf", import.meta.url));
  const rounds = 10;
  await documentText(ATTACHMENT_TYPES.pdf, pdf);
  const readStart = performance.now();
  for (let i = 0; i < rounds; i += 1) {
    await documentText(ATTACHMENT_TYPES.pdf, pdf);
  }
  const read = (performance.now() - readStart) / rounds;
  const emptyStart = performance.now();
  for (let i = 0; i < rounds; i += 1) {
    await new Promise((resolve) => new Worker("", { eval: true }).once("exit", resolve));
  }
  const empty = (performance.now() - emptyStart) / rounds;
  const lines = [`  a one-page PDF's text read in ${read.toFixed(0)} ms (its own thread, pdf.js loaded each time); an empty thread takes ${empty.toFixed(0)} ms (${(read / empty).toFixed(1)}×)`];
  if (await ocrAvailable()) {
    const scan = readFileSync(new URL("../server/src/modules/kb/document-text/fixtures/scanned-order.pdf", import.meta.url));
    const ocrStart = performance.now();
    for (let i = 0; i < 3; i += 1) {
      await documentText(ATTACHMENT_TYPES.pdf, scan);
    }
    const ocr = (performance.now() - ocrStart) / 3;
    lines.push(`  a one-page scanned PDF recognised (OCR, kaz+rus+eng, 300 dpi, one core at nice 10) in ${ocr.toFixed(0)} ms: ${(ocr / read).toFixed(1)}× reading a PDF's own text`);
  } else {
    lines.push("  OCR not installed here: scans not measured");
  }
  return lines;
}

export async function benchKbSearch(): Promise<string[]> {
  const reused = process.env.BENCH_KB_DB ?? null;
  const adminUrl = reused ? null : (process.env.DATABASE_URL ?? null);
  const url = reused ?? (adminUrl ? await freshDatabase(adminUrl, "kb") : null);
  const database = await openDatabase({ databaseUrl: url, dataDir: null, poolSize: 10 });
  const lines = [`Knowledge search over ${ARTICLES} articles × kk/ru on ${url ? "PostgreSQL" : "PGlite"} (${SECONDS} s per run, 1 client)`];
  try {
    await migrate(database);
    const db = database.db;
    if (!reused) {
      const loadStart = performance.now();
      await load(db);
      lines.push(`  loaded ${ARTICLES * 2} published texts in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);
    }
    const tenant = await db.selectFrom("tenants").select("id").executeTakeFirstOrThrow();
    if (!reused) {
      lines.push(...(await buildLexicon(db, tenant.id)));
    }

    const config = loadConfig({ LOG_LEVEL: "warn", BAILANYS_ARGON2_MEMORY_KIB: "1024" }, ["--role=api"]);
    const bus = await createEventBus(database);
    const app = await buildApp({ config, db, bus });
    const baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
    const agent = new Agent({ connections: 2 });
    const login = await request(`${baseUrl}/api/v1/auth/login`, { method: "POST", dispatcher: agent, headers: { "content-type": "application/json" }, body: JSON.stringify({ login: "operator", password: PASSWORD }) });
    const { token } = (await login.body.json()) as { token: string };
    const query = (i: number) => QUERIES[((i % QUERIES.length) + QUERIES.length) % QUERIES.length] ?? "";

    const hits = await searchKnowledge(db, tenant.id, { q: "жилищная помощь", locale: "ru", audience: null, limit: 10 });
    lines.push(`  "жилищная помощь" → ${hits.hits.length} hits, first "${hits.hits[0]?.title ?? "-"}"`);
    const api = await closedLoop("GET /kb/search (HTTP)", 1, SECONDS, async (_c, i) => {
      const r = await request(`${baseUrl}/api/v1/kb/search?q=${encodeURIComponent(query(i))}&lang=ru`, { dispatcher: agent, headers: { authorization: `Bearer ${token}` } });
      await r.body.dump();
      if (r.statusCode !== 200) {
        throw new Error(String(r.statusCode));
      }
    });
    const service = await closedLoop("searchKnowledge (service)", 1, SECONDS, async (_c, i) => {
      await searchKnowledge(db, tenant.id, { q: query(i), locale: "ru", audience: null, limit: 10 });
    });
    const raw = await closedLoop("plain full-text query", 1, SECONDS, async (_c, i) => {
      await sql`select article_id, title, ts_rank_cd(search_vector, q) as rank
        from kb_documents, websearch_to_tsquery('russian', ${query(i)}) as q
        where tenant_id = ${tenant.id}::uuid and search_vector @@ q order by rank desc limit 10`.execute(db);
    });
    lines.push(formatResult(api), formatResult(service), formatResult(raw));
    lines.push(`  → the API costs ${(api.p50 / raw.p50).toFixed(1)}× the plain query at p50, ${(api.p95 / raw.p95).toFixed(1)}× at p95 (goal: p95 < 20 ms; the plain query has no Kazakh stemming, typos, synonyms, snippets or log)`);

    lines.push(...(await attachDocuments(db, tenant.id)));
    const withDocuments = await closedLoop("GET /kb/search with documents", 1, SECONDS, async (_c, i) => {
      const r = await request(`${baseUrl}/api/v1/kb/search?q=${encodeURIComponent(query(i))}&lang=ru`, { dispatcher: agent, headers: { authorization: `Bearer ${token}` } });
      await r.body.dump();
    });
    lines.push(formatResult(withDocuments), `  → with documents the API's p95 is ${(withDocuments.p95 / api.p95).toFixed(2)}× its p95 without`);
    lines.push(...(await timePdfReading()));
    await agent.close();
    await app.close();
    await bus.close();
  } finally {
    await database.close();
    if (adminUrl && url && !process.env.BENCH_KEEP_DB) {
      await dropDatabase(adminUrl, url);
    } else if (adminUrl && url) {
      lines.push(`  kept: BENCH_KB_DB=${url}`);
    }
  }
  return lines;
}
