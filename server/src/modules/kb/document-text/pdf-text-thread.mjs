// @ts-check
// Reads the text of one PDF in a worker thread, so that a large or hostile file costs this thread, not the
// process's event loop (the API's requests, the voice gateway's signalling). Plain JavaScript: Node 20 does not
// apply the tsx loader to worker threads, and this file is only the bridge to pdf.js.
import { fileURLToPath } from "node:url";
import { parentPort, workerData } from "node:worker_threads";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

// The character maps of fonts that are not embedded (common in PDFs from older Kazakh and Russian office tools),
// and the standard fonts' metrics, from pdf.js's own package on disk: nothing is fetched.
const packageDir = (/** @type {string} */ name) => `${fileURLToPath(new URL(`../../${name}/`, import.meta.resolve("pdfjs-dist/legacy/build/pdf.mjs")))}`;

/** @type {{ content: Uint8Array, maxChars: number }} */
const { content, maxChars } = workerData;

const pdf = await getDocument({
  data: content,
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  verbosity: 0,
  cMapUrl: packageDir("cmaps"),
  cMapPacked: true,
  standardFontDataUrl: packageDir("standard_fonts"),
}).promise;
let text = "";
try {
  for (let number = 1; number <= pdf.numPages && text.length < maxChars; number += 1) {
    const page = await pdf.getPage(number);
    const { items } = await page.getTextContent();
    text += pageText(/** @type {PdfItem[]} */ (items.filter((item) => "str" in item))) + "\n";
    page.cleanup();
  }
} finally {
  await pdf.destroy();
}
parentPort?.postMessage(text.slice(0, maxChars));

/** @typedef {{ str: string, transform: number[], width: number, hasEOL: boolean }} PdfItem */

/**
 * A page's pieces of text joined as they are laid out. A PDF places text in pieces, often a letter at a time where
 * the font changes (Kazakh letters come from a fallback font: "Т", "ұ", "р", "ғ", "ын"), so a space goes only where
 * the pieces are apart on the line, and a line break where the text moves to another line.
 * @param {PdfItem[]} items
 */
function pageText(items) {
  let text = "";
  /** @type {{ end: number, y: number } | null} */
  let last = null;
  for (const item of items) {
    const [size = 0, , , , x = 0, y = 0] = item.transform;
    if (last !== null && item.str !== "") {
      if (Math.abs(y - last.y) > Math.abs(size) * 0.5) {
        text += "\n";
      } else if (x - last.end > Math.abs(size) * 0.15 && !text.endsWith(" ")) {
        text += " ";
      }
    }
    text += item.str;
    if (item.hasEOL) {
      text += "\n";
    }
    if (item.str !== "") {
      last = { end: x + item.width, y };
    }
  }
  return text;
}
