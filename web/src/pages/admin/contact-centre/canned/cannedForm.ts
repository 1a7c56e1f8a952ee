import type { CannedReplyBody, CannedReplyDto } from "@bailanys/common/api/routing-admin";
import type { ErrorCode } from "@bailanys/common/errors";
import { rangeProblem } from "../shared/numbers.ts";

export const CANNED_FIELDS = ["language", "title", "body", "topicId", "sort", "active"] as const;

/** The form for a reply, or a new one in the language the list shows, placed after that language's last reply. */
export function cannedToForm(reply: CannedReplyDto | null, language: string, others: readonly CannedReplyDto[] = []): CannedReplyBody {
  const sort = Math.min(10000, others.filter((r) => r.language === language).reduce((max, r) => Math.max(max, r.sort + 1), 0));
  return reply === null
    ? { language, title: "", body: "", topicId: null, sort, active: true }
    : { language: reply.language, title: reply.title, body: reply.body, topicId: reply.topicId, sort: reply.sort, active: reply.active };
}

/** What the browser checks before sending: a title and a text within the server's lengths, an order. */
export function validateCanned(form: CannedReplyBody): Record<string, ErrorCode> {
  const problems: Record<string, ErrorCode> = {};
  const title = form.title.trim();
  if (title === "") {
    problems.title = "FIELD_REQUIRED";
  } else if (title.length > 200) {
    problems.title = "FIELD_TOO_LONG";
  }
  if (form.body.trim() === "") {
    problems.body = "FIELD_REQUIRED";
  } else if (form.body.length > 4000) {
    problems.body = "FIELD_TOO_LONG";
  }
  const sort = rangeProblem(form.sort, 0, 10000);
  if (sort !== null) {
    problems.sort = sort;
  }
  return problems;
}

/** The request body with the title and text trimmed: an operator inserts the text as it is, stray blank lines too. */
export function cannedBody(form: CannedReplyBody): CannedReplyBody {
  return { ...form, title: form.title.trim(), body: form.body.trim() };
}
