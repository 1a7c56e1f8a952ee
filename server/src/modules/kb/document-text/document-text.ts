import { ATTACHMENT_TYPES } from "@bailanys/common/attachments";
import { ocrAvailable, recognizeImage, recognizePdf } from "./ocr.ts";
import { docxText, odtText, plainText, xlsxText } from "./office-text.ts";
import { pdfText } from "./pdf-text.ts";

/** At most this much of one document's text is searched: a 300-page regulation's first ~100 pages. */
export const MAX_DOCUMENT_CHARS = 200_000;

/** A document's text, and whether it was recognised from images (a scan) rather than read as written. */
export interface DocumentText {
  text: string;
  recognized: boolean;
}

type Reader = (file: Buffer) => Promise<DocumentText>;

const written =
  (read: (file: Buffer) => string | Promise<string>): Reader =>
  async (file) => ({ text: await read(file), recognized: false });

const READERS: Record<string, Reader | undefined> = {
  [ATTACHMENT_TYPES.pdf]: readPdf,
  [ATTACHMENT_TYPES.docx]: written(docxText),
  [ATTACHMENT_TYPES.odt]: written(odtText),
  [ATTACHMENT_TYPES.xlsx]: written(xlsxText),
  [ATTACHMENT_TYPES.txt]: written(plainText),
  [ATTACHMENT_TYPES.png]: (file) => recognizedIfPossible(() => recognizeImage(file, "png")),
  [ATTACHMENT_TYPES.jpg]: (file) => recognizedIfPossible(() => recognizeImage(file, "jpg")),
};

/**
 * Whether a document of this type may have text to read. The old binary Word and Excel formats (.doc, .xls) would
 * need a parser of their own, which is not here; photos and scans are read when OCR is installed (ocr.ts).
 */
export function hasReadableText(contentType: string): boolean {
  return READERS[contentType] !== undefined;
}

/** A document's text with its whitespace tidied, capped at MAX_DOCUMENT_CHARS; throws when the file cannot be read. */
export async function documentText(contentType: string, file: Buffer): Promise<DocumentText> {
  const read = READERS[contentType];
  if (read === undefined) {
    return { text: "", recognized: false };
  }
  const { text, recognized } = await read(file);
  return { text: tidy(text), recognized };
}

/** A PDF's own text; a PDF with none is a scan, whose pages are recognised. */
async function readPdf(file: Buffer): Promise<DocumentText> {
  const text = await pdfText(file, MAX_DOCUMENT_CHARS);
  if (tidy(text) !== "") {
    return { text, recognized: false };
  }
  return recognizedIfPossible(() => recognizePdf(file));
}

async function recognizedIfPossible(recognize: () => Promise<string>): Promise<DocumentText> {
  if (!(await ocrAvailable())) {
    return { text: "", recognized: false };
  }
  return { text: await recognize(), recognized: true };
}

function tidy(text: string): string {
  return text
    .replace(/\0/g, "")
    .replace(/[ \t\u00a0\f]+/g, " ")
    .replace(/ *\n[\s]*/g, "\n")
    .trim()
    .slice(0, MAX_DOCUMENT_CHARS);
}
