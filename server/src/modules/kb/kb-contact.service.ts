import type { ArticleViewDto, SearchHitDto } from "@bailanys/common/api/kb";
import { FACT_LABELS } from "@bailanys/common/kb/fact-labels";
import { officeText } from "@bailanys/common/kb/office-text";
import { markdownToPlainText } from "@bailanys/common/kb/search-text";
import { isLocale, type Locale, type Localized } from "@bailanys/common/locales";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import type { EventBus } from "../../realtime/event-bus.ts";
import { postAgentMessage } from "../contacts/contact-conversation.service.ts";
import { readPublished } from "./kb-reading.service.ts";
import { searchKnowledge } from "./kb-search.service.ts";

type Fact = "description" | "documents" | "fee" | "term" | "offices";

const LABELS: Record<Fact | "more", Localized> = { ...FACT_LABELS, more: { kk: "Толығырақ", ru: "Подробнее", en: "More" } };
const SUMMARY_LENGTH = 400;

function factText(article: ArticleViewDto, fact: Fact, locale: Locale): string | null {
  const facts = article.facts;
  switch (fact) {
    case "description":
      return facts.description ? facts.description : null;
    case "documents":
      return facts.documents && facts.documents.length > 0 ? facts.documents.map((document) => `— ${document}`).join("\n") : null;
    case "fee":
      return facts.fee ? facts.fee : null;
    case "term":
      return facts.term ? facts.term : null;
    case "offices":
      return article.offices.length > 0 ? article.offices.map((office) => officeText(office, locale)).join("\n\n") : null;
  }
}

function summary(article: ArticleViewDto): string {
  const text = article.facts.description ?? markdownToPlainText(article.body);
  return text.length <= SUMMARY_LENGTH ? text : `${text.slice(0, text.lastIndexOf(" ", SUMMARY_LENGTH))}…`;
}

/** The message a citizen receives: the title, the chosen fact or a summary, and the link to the whole article. */
export function articleMessage(article: ArticleViewDto, fact: Fact | undefined, link: string): string {
  const locale = article.locale;
  if (fact !== undefined) {
    const text = factText(article, fact, locale);
    if (text === null) {
      throw AppError.field("fact", "FIELD_INVALID");
    }
    return `${article.title}\n${LABELS[fact][locale]}:\n${text}\n\n${LABELS.more[locale]}: ${link}`;
  }
  return `${article.title}\n\n${summary(article)}\n\n${LABELS.more[locale]}: ${link}`;
}

export interface SendInput {
  articleId: string;
  locale: Locale;
  fact?: Fact | undefined;
}

/**
 * One click in the operator's window: a public article (or one of its facts) goes to the citizen as a message
 * with the link to the portal, and counts as sent for the article's statistics, in the message's transaction.
 */
export async function sendArticleToContact(deps: { db: Db; bus: EventBus; publicUrl: string }, actor: Actor, contactId: string, input: SendInput) {
  // Links are absolute, so that the citizen's chat, e-mail or messenger can open them.
  const article = await readPublished(deps.db, actor.tenantId, { ref: input.articleId, locale: input.locale, publicOnly: false });
  if (article.audience !== "public") {
    // Internal articles are for operators; what they say goes to citizens in the operator's own words.
    throw AppError.field("articleId", "FIELD_INVALID");
  }
  const tenant = await deps.db.selectFrom("tenants").select("code").where("id", "=", actor.tenantId).executeTakeFirstOrThrow();
  const link = `${deps.publicUrl}/kb/${encodeURIComponent(article.code)}?tenant=${encodeURIComponent(tenant.code)}&lang=${article.locale}`;
  const text = articleMessage(article, input.fact, link);
  return postAgentMessage(deps, actor, contactId, { text }, async (trx) => {
    await trx
      .insertInto("kb_usage")
      .values({ tenant_id: actor.tenantId, article_id: article.id, locale: article.locale, kind: "sent", contact_id: contactId, user_id: actor.userId })
      .execute();
  });
}

/**
 * Articles for the conversation at hand: its topic's articles first, found by the citizen's recent words (any of
 * them), in the citizen's language.
 */
export async function suggestForContact(db: Db, actor: Actor, contactId: string, limit: number): Promise<SearchHitDto[]> {
  const contact = await db.selectFrom("contacts").select(["id", "topic_id", "locale"]).where("tenant_id", "=", actor.tenantId).where("id", "=", contactId).executeTakeFirst();
  if (!contact) {
    throw new AppError("NOT_FOUND");
  }
  const messages = await db
    .selectFrom("contact_log")
    .select("body")
    .where("contact_id", "=", contactId)
    .where("kind", "=", "message")
    .where("author_kind", "=", "citizen")
    .orderBy("seq", "desc")
    .limit(5)
    .execute();
  const topic = contact.topic_id
    ? await db.selectFrom("classifier_items").select(["name_kk", "name_ru"]).where("id", "=", contact.topic_id).executeTakeFirst()
    : undefined;
  const text = [...messages.map((m) => m.body ?? ""), topic ? `${topic.name_ru} ${topic.name_kk}` : ""].join(" ").trim();
  if (text === "") {
    return [];
  }
  const locale = isLocale(contact.locale) ? contact.locale : actor.locale;
  const base = { q: text, locale, audience: null, limit, match: "any" as const };
  const inTopic = contact.topic_id ? (await searchKnowledge(db, actor.tenantId, { ...base, categoryId: contact.topic_id })).hits : [];
  if (inTopic.length >= limit) {
    return inTopic;
  }
  const seen = new Set(inTopic.map((hit) => hit.articleId));
  const rest = (await searchKnowledge(db, actor.tenantId, base)).hits.filter((hit) => !seen.has(hit.articleId));
  return [...inTopic, ...rest].slice(0, limit);
}
