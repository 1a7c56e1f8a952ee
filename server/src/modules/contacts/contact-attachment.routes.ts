import fastifyMultipart from "@fastify/multipart";
import { Uuid } from "@bailanys/common/api/shared";
import { CHAT_LIMITS } from "@bailanys/common/contacts";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { attachmentHeaders, readSingleFile } from "../../platform/multipart-file.ts";
import { requireActor } from "../../platform/require-actor.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { addContactAttachment, readContactAttachment, removeUnsentAttachment } from "./contact-attachment.service.ts";
import { assertCanReadContact } from "./contact.policy.ts";

const AttachmentDto = Type.Object({ id: Uuid, fileName: Type.String(), contentType: Type.String(), sizeBytes: Type.Integer() });
const tags = ["contacts"];

/** Files in a conversation, staff side: the operator sends one (then a message points at it); readers download. */
export const contactAttachmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(fastifyMultipart, { limits: { fileSize: CHAT_LIMITS.attachmentMaxBytes + 1, files: 1, fields: 0 } });

  app.post(
    "/contacts/:id/attachments",
    {
      config: { permission: "contact.handle" },
      bodyLimit: CHAT_LIMITS.attachmentMaxBytes + 64 * 1024,
      schema: { tags, summary: "Upload a file to send in the conversation (multipart, field `file`)", consumes: ["multipart/form-data"], params: Type.Object({ id: Uuid }), response: { 200: AttachmentDto } },
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await addContactAttachment(app.db, { contactId: request.params.id, tenantId: actor.tenantId }, { kind: "agent", userId: actor.userId }, await readSingleFile(request));
      return { id: row.id, fileName: row.file_name, contentType: row.content_type, sizeBytes: row.size_bytes };
    },
  );

  app.delete(
    "/contacts/:id/attachments/:attachmentId",
    {
      config: { permission: "contact.handle" },
      schema: { tags, summary: "Remove a file of yours that no message has sent yet", params: Type.Object({ id: Uuid, attachmentId: Uuid }), response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await removeUnsentAttachment(app.db, { contactId: request.params.id, tenantId: actor.tenantId }, { kind: "agent", userId: actor.userId }, request.params.attachmentId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/contacts/:id/attachments/:attachmentId",
    { config: { permission: "contact.read" }, schema: { tags, summary: "Download a file of the conversation (audited)", params: Type.Object({ id: Uuid, attachmentId: Uuid }) } },
    async (request, reply) => {
      const actor = requireActor(request);
      await assertCanReadContact(app.db, actor, request.params.id);
      const row = await readContactAttachment(app.db, request.params.id, request.params.attachmentId);
      await recordAudit(app.db, actor, request.meta, { action: "contact.attachment.read", entity: "contact", entityId: request.params.id });
      return reply.headers(attachmentHeaders(row.file_name, row.content_type)).send(Buffer.from(row.content));
    },
  );
};
