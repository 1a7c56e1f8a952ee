import { Worker } from "node:worker_threads";

/** A PDF whose text takes longer than this to read is given up on; its thread is stopped. */
const PDF_TIMEOUT_MS = 30_000;
const PDF_MEMORY_MB = 512;

/** The text of a PDF, read by pdf.js in a thread of its own (pdf-text-thread.mjs), up to `maxChars` characters. */
export function pdfText(file: Buffer, maxChars: number, timeoutMs = PDF_TIMEOUT_MS): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./pdf-text-thread.mjs", import.meta.url), {
      workerData: { content: new Uint8Array(file), maxChars },
      resourceLimits: { maxOldGenerationSizeMb: PDF_MEMORY_MB },
      stdout: true,
      stderr: true,
    });
    // pdf.js may warn on stdout about fonts; its output is not ours to log, and must not reach the service's log.
    worker.stdout.resume();
    worker.stderr.resume();
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`reading the PDF took longer than ${timeoutMs} ms`));
    }, timeoutMs);
    worker.once("message", (text: string) => {
      clearTimeout(timer);
      resolve(text);
      void worker.terminate();
    });
    worker.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    worker.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the PDF thread exited (${code}) without text`));
    });
  });
}
