import type { FastifyRequest } from "fastify";
import { AppError } from "./app-error.ts";

/** The single uploaded file of a multipart request (field `file`), read into memory within the size limit. */
export async function readSingleFile(request: FastifyRequest): Promise<{ fileName: string; content: Buffer }> {
  if (!request.isMultipart()) {
    throw AppError.field("file", "FIELD_REQUIRED");
  }
  const part = await request.file();
  if (!part) {
    throw AppError.field("file", "FIELD_REQUIRED");
  }
  const content = await part.toBuffer().catch((error: unknown) => {
    if (error instanceof Error && "code" in error && error.code === "FST_REQ_FILE_TOO_LARGE") {
      throw new AppError("ATTACHMENT_TOO_LARGE", [{ field: "file", code: "ATTACHMENT_TOO_LARGE" }]);
    }
    throw error;
  });
  return { fileName: part.filename, content };
}

/** Sends stored bytes as a download that the browser never interprets as a page. */
export function attachmentHeaders(fileName: string, contentType: string): Record<string, string> {
  return {
    "content-type": contentType,
    "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    "x-content-type-options": "nosniff",
  };
}
