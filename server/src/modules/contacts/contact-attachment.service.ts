import { createHash } from "node:crypto";
import { CHAT_LIMITS } from "@bailanys/common/contacts";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../platform/app-error.ts";
import { attachmentType } from "../appeals/appeal-attachment.service.ts";
import { isOpen } from "./contact.repository.ts";

/** Files in one conversation, so that a chat cannot be used as free storage. */
const MAX_ATTACHMENTS_PER_CONTACT = 20;

export interface UploadedFile {
  fileName: string;
  content: Uint8Array;
}

/**
 * Stores a file sent in a conversation (by the citizen or the operator), checked like appeal attachments by
 * extension and content. It is shown once a message points at it.
 */
export async function addContactAttachment(db: Db, contact: { contactId: string; tenantId: string }, by: { kind: "citizen" | "agent"; userId: string | null }, file: UploadedFile) {
  if (file.content.byteLength > CHAT_LIMITS.attachmentMaxBytes) {
    throw new AppError("ATTACHMENT_TOO_LARGE", [{ field: "file", code: "ATTACHMENT_TOO_LARGE" }]);
  }
  const contentType = attachmentType(file.fileName, file.content);
  if (contentType === null) {
    throw new AppError("ATTACHMENT_TYPE_NOT_ALLOWED", [{ field: "file", code: "ATTACHMENT_TYPE_NOT_ALLOWED" }]);
  }
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("contacts").select(["state", "agent_id"]).where("id", "=", contact.contactId).where("tenant_id", "=", contact.tenantId).forUpdate().executeTakeFirst();
    if (!row) {
      throw new AppError("NOT_FOUND");
    }
    // An operator sends files only in a conversation they are handling.
    if (by.kind === "agent" && row.agent_id !== by.userId) {
      throw new AppError("NOT_YOUR_CONTACT");
    }
    if (!isOpen(row.state) || row.state === "wrapup") {
      throw new AppError("CONTACT_NOT_ACTIVE");
    }
    const count = await trx.selectFrom("contact_attachments").select((eb) => eb.fn.countAll<number>().as("n")).where("contact_id", "=", contact.contactId).executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_ATTACHMENTS_PER_CONTACT) {
      throw new AppError("ATTACHMENT_LIMIT_REACHED", [{ field: "file", code: "ATTACHMENT_LIMIT_REACHED" }]);
    }
    return trx
      .insertInto("contact_attachments")
      .values({
        tenant_id: contact.tenantId,
        contact_id: contact.contactId,
        file_name: file.fileName.slice(0, 200),
        content_type: contentType,
        size_bytes: file.content.byteLength,
        sha256: createHash("sha256").update(file.content).digest("hex"),
        content: file.content,
        uploaded_by_kind: by.kind,
        uploaded_by: by.userId,
      })
      .returning(["id", "file_name", "content_type", "size_bytes"])
      .executeTakeFirstOrThrow();
  });
}

/**
 * Removes a file its uploader picked but did not send (no message points at it), so that it neither stays
 * stored nor counts toward the conversation's limit. One statement; a sent file, someone else's file or an
 * unknown one is NOT_FOUND alike.
 */
export async function removeUnsentAttachment(db: Db, contact: { contactId: string; tenantId: string }, by: { kind: "citizen" | "agent"; userId: string | null }, attachmentId: string): Promise<void> {
  const removed = await db
    .deleteFrom("contact_attachments as a")
    .where("a.id", "=", attachmentId)
    .where("a.contact_id", "=", contact.contactId)
    .where("a.tenant_id", "=", contact.tenantId)
    .where("a.uploaded_by_kind", "=", by.kind)
    .where((eb) => (by.userId === null ? eb("a.uploaded_by", "is", null) : eb("a.uploaded_by", "=", by.userId)))
    .where((eb) => eb.not(eb.exists(eb.selectFrom("contact_log as l").select("l.seq").where("l.contact_id", "=", contact.contactId).whereRef("l.attachment_id", "=", "a.id"))))
    .executeTakeFirst();
  if (Number(removed.numDeletedRows) === 0) {
    throw new AppError("NOT_FOUND");
  }
}

export async function readContactAttachment(db: Db, contactId: string, attachmentId: string) {
  const row = await db.selectFrom("contact_attachments").select(["file_name", "content_type", "content"]).where("id", "=", attachmentId).where("contact_id", "=", contactId).executeTakeFirst();
  if (!row) {
    throw new AppError("NOT_FOUND");
  }
  return row;
}
