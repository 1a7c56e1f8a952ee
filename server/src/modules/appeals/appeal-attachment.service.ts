import { createHash } from "node:crypto";
import { ATTACHMENT_TYPES, attachmentExtension, type AttachmentExtension } from "@bailanys/common/attachments";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { changeAppeal } from "./appeal-change.ts";
import { canReadAppeal } from "./appeal.policy.ts";
import { findAppeal, insertEvent } from "./appeal.repository.ts";

/** The first bytes each allowed kind of document starts with (plain text has none to check). */
const MAGIC: Record<AttachmentExtension, number[] | null> = {
  pdf: [0x25, 0x50, 0x44, 0x46],
  jpg: [0xff, 0xd8, 0xff],
  jpeg: [0xff, 0xd8, 0xff],
  png: [0x89, 0x50, 0x4e, 0x47],
  docx: [0x50, 0x4b, 0x03, 0x04],
  xlsx: [0x50, 0x4b, 0x03, 0x04],
  odt: [0x50, 0x4b, 0x03, 0x04],
  doc: [0xd0, 0xcf, 0x11, 0xe0],
  xls: [0xd0, 0xcf, 0x11, 0xe0],
  txt: null,
};
export const MAX_ATTACHMENTS_PER_APPEAL = 20;

/** The stored content type, or null when the name's extension or the bytes are not an allowed document. */
export function attachmentType(fileName: string, content: Uint8Array): string | null {
  const extension = attachmentExtension(fileName);
  if (extension === null) {
    return null;
  }
  const magic = MAGIC[extension];
  if (magic !== null && !magic.every((byte, i) => content[i] === byte)) {
    return null;
  }
  return ATTACHMENT_TYPES[extension];
}

/** Stores one document with the appeal, in the appeal's transaction frame, with an event and an audit record. */
export async function addAttachment(
  db: Db,
  actor: Actor,
  meta: RequestMeta,
  appealId: string,
  file: { fileName: string; content: Buffer },
  maxBytes: number,
): Promise<string> {
  const fileName = file.fileName.replace(/[\\/\0]/g, "_").slice(0, 200);
  if (file.content.length === 0) {
    throw AppError.field("file", "FIELD_REQUIRED");
  }
  if (file.content.length > maxBytes) {
    throw new AppError("ATTACHMENT_TOO_LARGE", [{ field: "file", code: "ATTACHMENT_TOO_LARGE" }]);
  }
  const contentType = attachmentType(fileName, file.content);
  if (contentType === null) {
    throw new AppError("ATTACHMENT_TYPE_NOT_ALLOWED", [{ field: "file", code: "ATTACHMENT_TYPE_NOT_ALLOWED" }]);
  }
  return changeAppeal(db, actor, meta, { appealId, allowClosed: false }, async (ctx) => {
    const count = await ctx.trx
      .selectFrom("appeal_attachments")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("appeal_id", "=", appealId)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_ATTACHMENTS_PER_APPEAL) {
      throw AppError.field("file", "FIELD_OUT_OF_RANGE");
    }
    const sha256 = createHash("sha256").update(file.content).digest("hex");
    const row = await ctx.trx
      .insertInto("appeal_attachments")
      .values({
        tenant_id: actor.tenantId,
        appeal_id: appealId,
        file_name: fileName,
        content_type: contentType,
        size_bytes: file.content.length,
        sha256,
        content: file.content,
        uploaded_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await insertEvent(ctx.trx, {
      tenantId: actor.tenantId,
      appealId,
      actorId: actor.userId,
      actorName: actor.fullName,
      kind: "attachment_added",
      clientVisible: false,
      details: { attachmentId: row.id, fileName, sizeBytes: file.content.length },
    });
    return {
      result: row.id,
      audit: { action: "appeal.attach", entity: "appeal", entityId: appealId, details: { attachmentId: row.id, sha256 } },
    };
  });
}

/** The document itself; every download is audited, as attachments often carry personal data. */
export async function readAttachment(db: Db, actor: Actor, meta: RequestMeta, appealId: string, attachmentId: string) {
  const appeal = await findAppeal(db, actor.tenantId, appealId);
  if (!appeal || !canReadAppeal(actor, appeal)) {
    throw new AppError("NOT_FOUND");
  }
  const row = await db
    .selectFrom("appeal_attachments")
    .select(["file_name", "content_type", "content", "size_bytes"])
    .where("tenant_id", "=", actor.tenantId)
    .where("appeal_id", "=", appealId)
    .where("id", "=", attachmentId)
    .executeTakeFirst();
  if (!row) {
    throw new AppError("NOT_FOUND");
  }
  await recordAudit(db, actor, meta, { action: "appeal.attachment_read", entity: "appeal", entityId: appealId, details: { attachmentId } });
  return row;
}
