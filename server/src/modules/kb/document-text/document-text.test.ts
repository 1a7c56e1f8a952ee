import { readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { ATTACHMENT_TYPES } from "@bailanys/common/attachments";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { documentText as read, hasReadableText } from "./document-text.ts";
import { ocrAvailable } from "./ocr.ts";
import { pdfText } from "./pdf-text.ts";

const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
/** The text as written (the tests of files with their own text). */
const documentText = async (type: string, file: Buffer): Promise<string> => {
  const { text, recognized } = await read(type, file);
  expect(recognized).toBe(false);
  return text;
};
/** OCR is installed here (CI installs it; a developer's machine may not have it). */
const canRecognize = await ocrAvailable();
if (!canRecognize && process.env.BAILANYS_REQUIRE_OCR === "1") {
  throw new Error("tesseract with its Kazakh and Russian models and pdftoppm are required here");
}

describe("reading an attached document's text", () => {
  it("reads a PDF printed by Chromium, Kazakh letters from a fallback font joined into their words", async () => {
    const text = await documentText(ATTACHMENT_TYPES.pdf, fixture("housing-aid-form.pdf"));
    expect(text).toContain("Бланк заявления о назначении жилищной помощи");
    expect(text).toContain("справку о составе семьи");
    expect(text).toContain("Тұрғын үй көмегін тағайындау туралы өтініш");
    expect(text.split("\n").length).toBeGreaterThanOrEqual(3);
  });

  it("finds no text in a PDF of a drawing without letters, and refuses a file that only starts like a PDF", async () => {
    expect((await read(ATTACHMENT_TYPES.pdf, fixture("no-text.pdf"))).text).toBe("");
    await expect(documentText(ATTACHMENT_TYPES.pdf, Buffer.from("%PDF-1.7\nnot really a document"))).rejects.toThrow();
  });

  it("stops a PDF that takes too long, and caps the text it returns", async () => {
    await expect(pdfText(fixture("housing-aid-form.pdf"), 1000, 1)).rejects.toThrow(/longer than 1 ms/);
    expect(await pdfText(fixture("housing-aid-form.pdf"), 20)).toBe("Бланк заявления о на");
  });

  it("reads a Word document's runs and paragraphs, not its field codes", async () => {
    const text = await documentText(ATTACHMENT_TYPES.docx, fixture("subsidy-documents.docx"));
    expect(text).toBe("Перечень документов для субсидирования ставки вознаграждения\nСправка & выписка из банка\nНесиелік мөлшерлемені субсидиялау");
  });

  it("reads an OpenDocument text with its spaces, tabs and escaped characters", async () => {
    const text = await documentText(ATTACHMENT_TYPES.odt, fixture("reception-memo.odt"));
    expect(text).toBe("Памятка о приёме граждан\nПриём ведётся по записи через портал.\nАзаматтарды қабылдау <кестесі>");
  });

  it("reads a workbook's cells written by ExcelJS, shared and inline", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Тарифы");
    sheet.addRow(["Услуга", "Срок"]);
    sheet.addRow(["Регистрация по месту жительства", 3]);
    sheet.addRow([{ richText: [{ text: "Мекенжай " }, { text: "анықтамасы", font: { bold: true } }] }]);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const text = await documentText(ATTACHMENT_TYPES.xlsx, file);
    expect(text.split("\n")).toEqual(expect.arrayContaining(["Услуга", "Срок", "Регистрация по месту жительства", "Мекенжай анықтамасы"]));
  });

  it("reads plain text in UTF-8, UTF-16 or the Windows Cyrillic code page", async () => {
    expect(await documentText(ATTACHMENT_TYPES.txt, fixture("fees-cp1251.txt"))).toBe("Госпошлина за выдачу дубликата удостоверения — 0,5 МРП.");
    expect(await documentText(ATTACHMENT_TYPES.txt, Buffer.from("\ufeffҚазақша мәтін", "utf8"))).toBe("Қазақша мәтін");
    expect(await documentText(ATTACHMENT_TYPES.txt, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Орысша", "utf16le")]))).toBe("Орысша");
  });

  it("refuses an archive whose part would unpack beyond the cap (a zip bomb) or is no ZIP at all", async () => {
    const zeros = deflateRawSync(Buffer.alloc(80 * 1024 * 1024));
    await expect(documentText(ATTACHMENT_TYPES.docx, zipOf("word/document.xml", zeros, 1024))).rejects.toThrow();
    await expect(documentText(ATTACHMENT_TYPES.docx, Buffer.from("PK\u0003\u0004 torn"))).rejects.toThrow(/not a ZIP/);
  });

  it("reads no text of old binary office files", () => {
    expect([ATTACHMENT_TYPES.doc, ATTACHMENT_TYPES.xls].map(hasReadableText)).toEqual([false, false]);
    expect([ATTACHMENT_TYPES.pdf, ATTACHMENT_TYPES.docx, ATTACHMENT_TYPES.odt, ATTACHMENT_TYPES.xlsx, ATTACHMENT_TYPES.txt, ATTACHMENT_TYPES.png, ATTACHMENT_TYPES.jpg].map(hasReadableText)).toEqual([true, true, true, true, true, true, true]);
  });
});

describe.skipIf(!canRecognize)("recognising the text of scans and photos (OCR)", () => {
  it("recognises a photographed order in Russian and Kazakh", async () => {
    const { text, recognized } = await read(ATTACHMENT_TYPES.png, fixture("scanned-order.png"));
    expect(recognized).toBe(true);
    expect(text).toContain("Об утверждении порядка выдачи справок о наличии подсобного хозяйства");
    expect(text).toContain("Қосалқы шаруашылықтың бар екендігі туралы анықтама");
  });

  it("recognises a PDF that holds only a scanned page, and finds nothing in a blank photo", async () => {
    const { text, recognized } = await read(ATTACHMENT_TYPES.pdf, fixture("scanned-order.pdf"));
    expect(recognized).toBe(true);
    expect(text).toContain("Справка выдаётся в течение трёх рабочих дней");
    expect(await read(ATTACHMENT_TYPES.png, fixture("blank-photo.png"))).toEqual({ text: "", recognized: true });
  });

  it("fails on an image it cannot decode, as on a damaged document", async () => {
    await expect(read(ATTACHMENT_TYPES.png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]))).rejects.toThrow();
  });
});

/** A one-entry ZIP whose header claims `declaredSize` bytes, whatever the deflated data really unpacks to. */
function zipOf(name: string, deflated: Buffer, declaredSize: number): Buffer {
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const directoryAt = local.length + nameBytes.length + deflated.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(directoryAt, 16);
  return Buffer.concat([local, nameBytes, deflated, central, nameBytes, end]);
}
