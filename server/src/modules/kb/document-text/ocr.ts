import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/** Kazakh first: its model also knows the Cyrillic letters Russian uses; English for names of laws and codes. */
const LANGUAGES = "kaz+rus+eng";
/** A scan's first pages are recognised; a 200-page scanned code would take the worker's core for minutes. */
export const OCR_MAX_PAGES = 20;
/** Resolution pages are rasterised at: tesseract reads ordinary print best at 300 dpi (at 200 it read "Об" as "06"). */
const DPI = 300;
const OCR_TIMEOUT_MS = 120_000;

let checked: Promise<boolean> | null = null;

/**
 * Whether scans can be read here: tesseract with its Kazakh and Russian models, and poppler's pdftoppm (Debian:
 * tesseract-ocr, tesseract-ocr-kaz, tesseract-ocr-rus, poppler-utils). Without them scans stay unsearched.
 */
export function ocrAvailable(): Promise<boolean> {
  checked ??= Promise.all([run("tesseract", ["--list-langs"], 10_000), run("pdftoppm", ["-v"], 10_000)])
    .then(([langs]) => /^kaz$/m.test(langs) && /^rus$/m.test(langs))
    .catch(() => false);
  return checked;
}

/** The text of a photo or scan (PNG, JPEG) as tesseract reads it. */
export async function recognizeImage(file: Buffer, extension: "png" | "jpg"): Promise<string> {
  return inScratch(async (dir) => {
    const image = path.join(dir, `image.${extension}`);
    await writeFile(image, file);
    return tesseract(image, Date.now() + OCR_TIMEOUT_MS);
  });
}

/** The text of a scanned PDF: its first pages rasterised by pdftoppm, each read by tesseract, within one deadline. */
export async function recognizePdf(file: Buffer): Promise<string> {
  return inScratch(async (dir) => {
    const deadline = Date.now() + OCR_TIMEOUT_MS;
    const pdf = path.join(dir, "scan.pdf");
    await writeFile(pdf, file);
    await run("pdftoppm", ["-r", String(DPI), "-gray", "-png", "-l", String(OCR_MAX_PAGES), pdf, path.join(dir, "page")], deadline - Date.now());
    // pdftoppm numbers pages with as many digits as the last page needs (page-01 … page-12), so they sort as text.
    const pages = (await readdir(dir)).filter((name) => name.startsWith("page-") && name.endsWith(".png")).sort();
    const texts: string[] = [];
    for (const page of pages) {
      texts.push(await tesseract(path.join(dir, page), deadline));
    }
    return texts.join("\n");
  });
}

function tesseract(image: string, deadline: number): Promise<string> {
  return run("tesseract", [image, "stdout", "-l", LANGUAGES], deadline - Date.now());
}

async function inScratch<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), "bailanys-ocr-"));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Runs a recognition tool at low priority (nice 10) on one core (OMP_THREAD_LIMIT): the API and the voice
 * gateway of the same machine come first.
 */
function run(command: string, args: string[], timeoutMs: number): Promise<string> {
  if (timeoutMs <= 0) {
    return Promise.reject(new Error(`recognising the scan took longer than ${OCR_TIMEOUT_MS} ms`));
  }
  return new Promise((resolve, reject) => {
    execFile(
      "nice",
      ["-n", "10", command, ...args],
      { timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, OMP_THREAD_LIMIT: "1" }, encoding: "utf8" },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });
}
