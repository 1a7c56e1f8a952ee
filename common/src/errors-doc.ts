import { ERRORS, type ErrorCode } from "./errors.ts";

// Table cells: a pipe would end the cell and a line break the row.
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** docs/errors.md: every catalogue code with its HTTP status and its message in kk, ru and en (pure; no files). */
export function renderErrorsDoc(): string {
  const codes = Object.keys(ERRORS) as ErrorCode[];
  const rows = codes.map((code) => {
    const { status, message } = ERRORS[code];
    const reportable = "reportable" in ERRORS[code] && ERRORS[code].reportable === true ? " ⚑" : "";
    return `| \`${code}\`${reportable} | ${status} | ${cell(message.kk)} | ${cell(message.ru)} | ${cell(message.en)} |`;
  });
  return [
    "# Error codes",
    "",
    "<!-- Generated from common/src/errors.ts by `npx tsx scripts/errors-doc.ts`; do not edit by hand. -->",
    "",
    "Every error answer of the API has the same body:",
    "",
    "```json",
    '{ "error": { "code": "VALIDATION_FAILED", "message": "…", "fields": [{ "field": "citizen.iin", "code": "IIN_INVALID_CHECKSUM", "message": "…" }], "requestId": "…" } }',
    "```",
    "",
    "`code` is stable and meant for programs; `message` is for people, in the reader's language: `?lang=kk|ru|en`,",
    "else the signed-in user's language, else `Accept-Language`, else Russian. The codes with status 400 below",
    "`VALIDATION_FAILED` also describe single fields inside its `fields` list. ⚑ marks codes worth an operator's",
    "attention in the logs.",
    "",
    `${codes.length} codes:`,
    "",
    "| Code | HTTP | kk | ru | en |",
    "|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}
