import type { ArticleViewDto } from "@bailanys/common/api/kb";

export type KbSendFact = "description" | "documents" | "fee" | "term" | "offices";
/** What an operator may send of an article: the whole of it (null) or one of the facts it has. */
export type KbSendChoice = KbSendFact | null;

/** The send choices an article offers, in menu order: only facts it actually has, none for internal articles. */
export function kbSendChoices(article: Pick<ArticleViewDto, "audience" | "facts" | "offices">): KbSendChoice[] {
  if (article.audience !== "public") {
    return [];
  }
  const { facts } = article;
  const has: Record<KbSendFact, boolean> = {
    description: (facts.description ?? "").trim() !== "",
    documents: (facts.documents ?? []).length > 0,
    fee: (facts.fee ?? "").trim() !== "",
    term: (facts.term ?? "").trim() !== "",
    offices: article.offices.length > 0,
  };
  return [null, ...(["description", "documents", "fee", "term", "offices"] as const).filter((fact) => has[fact])];
}
