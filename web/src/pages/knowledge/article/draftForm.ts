import type { DraftBody, KbFactsDto, TranslationStateDto, VersionDto, VersionSummaryDto } from "@bailanys/common/api/kb";

/** The draft editor's values: documents as one per line, dates as YYYY-MM-DD or null. */
export interface DraftForm {
  title: string;
  body: string;
  description: string;
  documents: string;
  fee: string;
  term: string;
  sourceTitle: string;
  sourceReference: string;
  sourceDate: string | null;
  validFrom: string | null;
  reviewBy: string | null;
  changeNote: string;
}

/** The inputs of the form, keyed like the server's field paths; facts.documents.3 lands on facts.documents. */
export const DRAFT_FIELDS = ["title", "body", "facts.description", "facts.documents", "facts.fee", "facts.term", "sourceTitle", "sourceReference", "sourceDate", "validFrom", "reviewBy", "changeNote"] as const;

export const emptyDraft = (title = ""): DraftForm => ({
  title,
  body: "",
  description: "",
  documents: "",
  fee: "",
  term: "",
  sourceTitle: "",
  sourceReference: "",
  sourceDate: null,
  validFrom: null,
  reviewBy: null,
  changeNote: "",
});

/**
 * The form from a version. A draft (or one under review or sent back) is shown as it is; a published version is
 * the starting point of the next one, so its change note starts empty.
 */
export function versionToForm(version: VersionDto): DraftForm {
  return {
    title: version.title,
    body: version.body,
    description: version.facts.description ?? "",
    documents: (version.facts.documents ?? []).join("\n"),
    fee: version.facts.fee ?? "",
    term: version.facts.term ?? "",
    sourceTitle: version.sourceTitle,
    sourceReference: version.sourceReference,
    sourceDate: version.sourceDate,
    validFrom: version.validFrom,
    reviewBy: version.reviewBy,
    changeNote: version.state === "published" || version.state === "superseded" ? "" : version.changeNote,
  };
}

/** The request body: blank facts left out, documents one per non-empty line. */
export function formToDraft(form: DraftForm): DraftBody {
  const facts: KbFactsDto = {};
  const documents = form.documents.split("\n").map((d) => d.trim()).filter((d) => d !== "");
  if (form.description.trim() !== "") {
    facts.description = form.description.trim();
  }
  if (documents.length > 0) {
    facts.documents = documents;
  }
  if (form.fee.trim() !== "") {
    facts.fee = form.fee.trim();
  }
  if (form.term.trim() !== "") {
    facts.term = form.term.trim();
  }
  return {
    title: form.title.trim(),
    body: form.body,
    facts,
    sourceTitle: form.sourceTitle.trim(),
    sourceReference: form.sourceReference.trim(),
    sourceDate: form.sourceDate,
    validFrom: form.validFrom,
    reviewBy: form.reviewBy,
    changeNote: form.changeNote.trim(),
  };
}

/**
 * The version the editor of a language starts from: the open draft or review; else the newest version when it
 * was sent back (the next save continues it); else the published one; null for a language not yet written.
 */
export function editorBase(summaries: readonly Pick<VersionSummaryDto, "id" | "number" | "state">[], translation: TranslationStateDto | undefined): string | null {
  if (translation?.open) {
    return translation.open.id;
  }
  const newest = [...summaries].sort((a, b) => b.number - a.number)[0];
  if (newest?.state === "rejected") {
    return newest.id;
  }
  return translation?.published?.id ?? null;
}
