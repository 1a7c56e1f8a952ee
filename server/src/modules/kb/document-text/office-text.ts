import { ZipReader } from "./zip-reader.ts";

/** An XML part of an office file may unpack to this much; a longer one is refused as suspicious. */
const MAX_PART_BYTES = 64 * 1024 * 1024;

/** The words of a Word document: its body's runs of text, with paragraphs on their own lines. */
export function docxText(file: Buffer): string {
  const zip = new ZipReader(file, MAX_PART_BYTES);
  const body = zip.text("word/document.xml");
  if (body === null) {
    throw new Error("a DOCX without word/document.xml");
  }
  // Only <w:t> holds text; <w:instrText> (field codes such as "PAGE \* MERGEFORMAT") and the like must not be read.
  let text = "";
  for (const match of body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>|<\/w:p>/g)) {
    const token = match[0];
    text += match[1] !== undefined ? decodeXml(match[1]) : token === "</w:p>" || token === "<w:br/>" ? "\n" : "\t";
  }
  return text;
}

/** The words of an OpenDocument text (LibreOffice): every text node of content.xml, paragraphs on their own lines. */
export function odtText(file: Buffer): string {
  const zip = new ZipReader(file, MAX_PART_BYTES);
  const content = zip.text("content.xml");
  if (content === null) {
    throw new Error("an ODT without content.xml");
  }
  const body = content.replace(/^[\s\S]*?<office:body>/, "");
  return decodeXml(
    body
      .replace(/<\/text:(?:p|h)>|<text:line-break\/>/g, "\n")
      .replace(/<text:tab\/>/g, "\t")
      .replace(/<text:s(?:\s+text:c="(\d+)")?\/>/g, (_, count: string | undefined) => " ".repeat(Math.min(Number(count ?? 1), 100)))
      .replace(/<[^>]+>/g, ""),
  );
}

/** The words of a workbook: its shared strings and the strings written inline in its sheets (numbers are not words). */
export function xlsxText(file: Buffer): string {
  const zip = new ZipReader(file, MAX_PART_BYTES);
  const parts = [zip.text("xl/sharedStrings.xml") ?? "", ...zip.names().filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name)).map((name) => inlineStrings(zip.text(name) ?? ""))];
  const cells: string[] = [];
  for (const part of parts) {
    // A shared string may be split in formatted runs (<r><t>…</t></r>); each <si> is one cell's text.
    for (const item of part.matchAll(/<si>([\s\S]*?)<\/si>|<is>([\s\S]*?)<\/is>/g)) {
      const runs = [...(item[1] ?? item[2] ?? "").matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((run) => decodeXml(run[1] ?? ""));
      cells.push(runs.join(""));
    }
  }
  return cells.join("\n");
}

function inlineStrings(sheet: string): string {
  return [...sheet.matchAll(/<is>[\s\S]*?<\/is>/g)].map((match) => match[0]).join("");
}

/**
 * A plain-text file as written: UTF-8 (with or without a byte-order mark), UTF-16 with its mark, or else the
 * Windows Cyrillic code page that older Russian and Kazakh documents still come in.
 */
export function plainText(file: Buffer): string {
  if (file[0] === 0xff && file[1] === 0xfe) {
    return new TextDecoder("utf-16le").decode(file.subarray(2));
  }
  if (file[0] === 0xfe && file[1] === 0xff) {
    return new TextDecoder("utf-16be").decode(file.subarray(2));
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(file);
  } catch {
    return new TextDecoder("windows-1251").decode(file);
  }
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}
