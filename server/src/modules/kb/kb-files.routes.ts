import fastifyMultipart from "@fastify/multipart";
import { AttachmentTextDto, EditorAttachmentDto, ImportResultDto } from "@bailanys/common/api/kb";
import { LocaleSchema, Uuid } from "@bailanys/common/api/shared";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { AppError } from "../../platform/app-error.ts";
import { attachmentHeaders, readSingleFile } from "../../platform/multipart-file.ts";
import { requireActor } from "../../platform/require-actor.ts";
import { addAttachment, attachmentText, removeAttachment } from "./kb-attachment.service.ts";
import { exportMarkdown, exportTable, importArticles, readImportFile } from "./kb-transfer.service.ts";

const tags = ["knowledge base: editing"];
const write = { permission: "kb.write" as const };
const FILE_MAX_BYTES = 20 * 1024 * 1024;
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function importKind(fileName: string): "markdown" | "csv" | "xlsx" | null {
  const extension = fileName.toLowerCase().split(".").pop();
  return extension === "md" || extension === "markdown" ? "markdown" : extension === "csv" ? "csv" : extension === "xlsx" ? "xlsx" : null;
}

/** Files of the knowledge base: article attachments, import of an existing base, export as CSV, XLSX or Markdown. */
export const kbFileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(fastifyMultipart, { limits: { fileSize: FILE_MAX_BYTES, files: 1, fields: 0 } });
  const deps = { db: app.db, bus: app.bus };

  app.post(
    "/kb/articles/:id/attachments",
    { config: write, bodyLimit: FILE_MAX_BYTES + 64 * 1024, schema: { tags, summary: "Attach a document to an article (multipart field `file`)", consumes: ["multipart/form-data"], params: Type.Object({ id: Uuid }), response: { 201: EditorAttachmentDto } } },
    async (request, reply) => reply.status(201).send(await addAttachment(app.db, requireActor(request), request.meta, request.params.id, await readSingleFile(request))),
  );
  app.get(
    "/kb/articles/:id/attachments/:attachmentId/text",
    { config: write, schema: { tags, summary: "The text of an attached document as the search knows it (read as written or recognised by OCR)", params: Type.Object({ id: Uuid, attachmentId: Uuid }), response: { 200: AttachmentTextDto } } },
    async (request) => attachmentText(app.db, requireActor(request).tenantId, request.params.id, request.params.attachmentId),
  );
  app.delete(
    "/kb/articles/:id/attachments/:attachmentId",
    { config: write, schema: { tags, summary: "Remove an attachment", params: Type.Object({ id: Uuid, attachmentId: Uuid }), response: { 204: Type.Null() } } },
    async (request, reply) => {
      await removeAttachment(app.db, requireActor(request), request.meta, request.params.id, request.params.attachmentId);
      return reply.code(204).send(null);
    },
  );
  app.post(
    "/kb/import",
    {
      config: write,
      bodyLimit: FILE_MAX_BYTES + 64 * 1024,
      schema: { tags, summary: "Import articles as drafts from Markdown (.md with front matter), CSV or XLSX (multipart field `file`)", consumes: ["multipart/form-data"], response: { 200: ImportResultDto } },
    },
    async (request) => {
      const file = await readSingleFile(request);
      const kind = importKind(file.fileName);
      if (kind === null) {
        throw AppError.field("file", "KB_IMPORT_UNREADABLE");
      }
      return importArticles(deps, requireActor(request), request.meta, await readImportFile(kind, file.content));
    },
  );
  app.get(
    "/kb/export",
    { config: write, schema: { tags, summary: "The whole base as CSV or XLSX, one row per translation", querystring: Type.Object({ format: Type.Optional(Type.Union([Type.Literal("csv"), Type.Literal("xlsx")])), lang: Type.Optional(Type.String()) }, { additionalProperties: false }) } },
    async (request, reply) => {
      const format = request.query.format ?? "xlsx";
      const content = await exportTable(app.db, requireActor(request).tenantId, format);
      return reply.headers(attachmentHeaders(`knowledge-base.${format}`, format === "xlsx" ? XLSX_TYPE : "text/csv; charset=utf-8")).send(content);
    },
  );
  app.get(
    "/kb/articles/:id/markdown",
    { config: write, schema: { tags, summary: "One translation as Markdown with its front matter", params: Type.Object({ id: Uuid }), querystring: Type.Object({ locale: LocaleSchema, lang: Type.Optional(Type.String()) }, { additionalProperties: false }) } },
    async (request, reply) => {
      const file = await exportMarkdown(app.db, requireActor(request).tenantId, request.params.id, request.query.locale);
      return reply.headers(attachmentHeaders(file.fileName, "text/markdown; charset=utf-8")).send(file.text);
    },
  );
};
