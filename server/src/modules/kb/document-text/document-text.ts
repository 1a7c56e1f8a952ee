import { ATTACHMENT_TYPES } from "@bailanys/common/attachments";
import { docxText, odtText, plainText, xlsxText } from "./office-text.ts";
import { pdfText } from "./pdf-text.ts";

/** At most this much of one document's text is searched: a 300-page regulation's first ~100 pages. */
export const MAX_DOCUMENT_CHARS = 200_000;

const READERS: Record<string, ((file: Buffer) => string | Promise<string>) | undefined> = {
  [ATTACHMENT_TYPES.pdf]: (file) => pdfText(file, MAX_DOCUMENT_CHARS),
  [ATTACHMENT_TYPES.docx]: docxText,
  [ATTACHMENT_TYPES.odt]: odtText,
  [ATTACHMENT_TYPES.xlsx]: xlsxText,
  [ATTACHMENT_TYPES.txt]: plainText,
};

/**
 * Whether the text of a document of this type can be read. Photos and scans as images would need character
 * recognition, and the old binary Word and Excel formats (.doc, .xls) a parser of their own; neither is here.
 */
export function hasReadableText(contentType: string): boolean {
  return READERS[contentType] !== undefined;
}

/** A document's text with its whitespace tidied, capped at MAX_DOCUMENT_CHARS; throws when the file cannot be read. */
export async function documentText(contentType: string, file: Buffer): Promise<string> {
  const read = READERS[contentType];
  if (read === undefined) {
    return "";
  }
  const text = await read(file);
  return text
    .replace(/\0/g, "")
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ *\n[\s]*/g, "\n")
    .trim()
    .slice(0, MAX_DOCUMENT_CHARS);
}
