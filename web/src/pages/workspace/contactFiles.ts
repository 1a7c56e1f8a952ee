import { attachmentExtension } from "@bailanys/common/attachments";
import { CHAT_LIMITS } from "@bailanys/common/contacts";
import type { ErrorCode } from "@bailanys/common/errors";

/** Why a file cannot be sent, checked before uploading so the operator does not wait for a refusal; null if fine. */
export function attachmentProblem(file: { name: string; size: number }): ErrorCode | null {
  if (attachmentExtension(file.name) === null) {
    return "ATTACHMENT_TYPE_NOT_ALLOWED";
  }
  if (file.size > CHAT_LIMITS.attachmentMaxBytes) {
    return "ATTACHMENT_TOO_LARGE";
  }
  return null;
}

/** Where the operator uploads a file of the conversation. */
export function attachmentsPath(contactId: string): string {
  return `/api/v1/contacts/${encodeURIComponent(contactId)}/attachments`;
}

/** Where a file of the conversation downloads from; the session cookie goes with a same-origin GET. */
export function attachmentHref(contactId: string, attachmentId: string): string {
  return `${attachmentsPath(contactId)}/${encodeURIComponent(attachmentId)}`;
}

/** The message text that goes with a file: what the operator typed, or the file's name (the text is required). */
export function messageTextWithFile(typed: string, fileName: string | null, maxLength: number = CHAT_LIMITS.messageMaxLength): string {
  const text = typed.trim() !== "" ? typed.trim() : (fileName ?? "");
  return text.slice(0, maxLength);
}
