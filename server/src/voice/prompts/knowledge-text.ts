import { KB_PROMPT, type ArticleViewDto, type OfficeViewDto } from "@bailanys/common/api/kb";
import { FACT_LABELS } from "@bailanys/common/kb/fact-labels";
import { markdownToPlainText } from "@bailanys/common/kb/search-text";
import type { Locale, Localized } from "@bailanys/common/locales";
import type { Db } from "../../db/database.ts";
import { readPublished } from "../../modules/kb/kb-reading.service.ts";
import { AppError } from "../../platform/app-error.ts";
import { weeklyHoursText } from "./hours-text.ts";


const LABELS: Record<"fee" | "term" | "documents" | "lunch" | "none", Localized> = {
  fee: FACT_LABELS.fee,
  term: FACT_LABELS.term,
  documents: FACT_LABELS.documents,
  lunch: { kk: "түскі үзіліс", ru: "перерыв", en: "break" },
  none: { kk: "Бұл ақпарат қазір қолжетімсіз.", ru: "Эта информация сейчас недоступна.", en: "This information is not available now." },
};
/** A spoken description stops here: a caller listens to a paragraph, not to a page. */
const MAX_DESCRIPTION = 400;

function officeSpeech(office: OfficeViewDto, locale: Locale): string {
  const hours = Object.fromEntries(office.hours.map((h) => [String(h.day), [h.open, h.close] as [string, string]]));
  const lunches = [...new Set(office.hours.filter((h) => h.breakFrom && h.breakTo).map((h) => `${h.breakFrom} – ${h.breakTo}`))];
  const lunch = lunches.length === 1 ? ` ${LABELS.lunch[locale]}: ${lunches[0]}.` : "";
  return `${office.name}. ${office.address}. ${weeklyHoursText(hours, locale)}.${lunch}`;
}

function description(article: ArticleViewDto): string {
  const text = article.facts.description ?? markdownToPlainText(article.body).replace(/\s+/g, " ");
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, text.lastIndexOf(" ", MAX_DESCRIPTION))}.`;
}

/**
 * What a `kb:` prompt (KB_PROMPT, R12.3) speaks, in the caller's language or the nearest one the article is
 * published in, with the language to speak it in; "not available" when the article is gone or lacks that part.
 * Only public articles are read: the caller is a citizen.
 */
export async function knowledgeSpeech(db: Db, tenantId: string, key: string, locale: Locale): Promise<{ text: string; locale: Locale }> {
  const none = { text: LABELS.none[locale], locale };
  const match = KB_PROMPT.exec(key);
  const code = match?.[1];
  if (!code) {
    return none;
  }
  let article: ArticleViewDto;
  try {
    article = await readPublished(db, tenantId, { ref: code, locale, publicOnly: true });
  } catch (error) {
    if (error instanceof AppError) {
      return none;
    }
    throw error;
  }
  // An article published in another language only is read in that language's voice.
  const speak = article.locale;
  const said = (text: string) => ({ text, locale: speak });
  if (match[2] === "offices") {
    return article.offices.length > 0 ? said(article.offices.map((office) => officeSpeech(office, speak)).join(" ")) : none;
  }
  if (match[2] === "documents") {
    return article.facts.documents?.length ? said(`${LABELS.documents[speak]}: ${article.facts.documents.join("; ")}.`) : none;
  }
  const fee = article.facts.fee ? ` ${LABELS.fee[speak]}: ${article.facts.fee}.` : "";
  const term = article.facts.term ? ` ${LABELS.term[speak]}: ${article.facts.term}.` : "";
  return said(`${article.title}. ${description(article)}${fee}${term}`);
}
