import fastifyMultipart from "@fastify/multipart";
import { AppealDto } from "@bailanys/common/api/appeals";
import { Uuid } from "@bailanys/common/api/shared";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { AppError } from "../../platform/app-error.ts";
import { requireActor } from "../../platform/require-actor.ts";
import { addAttachment, readAttachment } from "./appeal-attachment.service.ts";
import { getAppealCard } from "./appeal-query.service.ts";

export const appealAttachmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(fastifyMultipart, { limits: { fileSize: app.config.attachmentMaxBytes + 1, files: 1, fields: 0 } });

  app.post(
    "/appeals/:id/attachments",
    {
      config: { permission: "appeal.attach" },
      bodyLimit: app.config.attachmentMaxBytes + 64 * 1024,
      schema: {
        tags: ["appeals"],
        summary: "Attach a document (multipart/form-data, field `file`; PDF, images, office documents, text)",
        consumes: ["multipart/form-data"],
        params: Type.Object({ id: Uuid }),
        response: { 201: AppealDto },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
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
      await addAttachment(app.db, actor, request.meta, request.params.id, { fileName: part.filename, content }, app.config.attachmentMaxBytes);
      return reply.status(201).send(await getAppealCard(app.db, actor, request.meta, request.params.id, request.locale));
    },
  );

  app.get(
    "/appeals/:id/attachments/:attachmentId",
    {
      config: { permission: "appeal.read" },
      schema: { tags: ["appeals"], summary: "Download an attachment", params: Type.Object({ id: Uuid, attachmentId: Uuid }) },
    },
    async (request, reply) => {
      const row = await readAttachment(app.db, requireActor(request), request.meta, request.params.id, request.params.attachmentId);
      return reply
        .header("content-type", row.content_type)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(row.file_name)}`)
        .header("x-content-type-options", "nosniff")
        .send(Buffer.from(row.content));
    },
  );
};
