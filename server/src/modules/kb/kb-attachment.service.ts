import type { AttachmentTextDto } from "@bailanys/common/api/kb";
import type { Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { KbArticlesTable } from "../../db/schema-kb.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { attachmentType } from "../appeals/appeal-attachment.service.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { hasReadableText } from "./document-text/document-text.ts";
import { reindexArticle } from "./kb-index.ts";
import { markLexiconStale } from "./kb-lexicon.ts";
import { presentEditorAttachment } from "./kb.presenter.ts";

/** Attaches a document (a form, a regulation's scan) to an article; the same types, checked the same way, as appeals take. */
export async function addAttachment(db: Db, actor: Actor, meta: RequestMeta, articleId: string, file: { fileName: string; content: Buffer }) {
  const contentType = attachmentType(file.fileName, file.content);
  if (contentType === null) {
    throw new AppError("ATTACHMENT_TYPE_NOT_ALLOWED", [{ field: "file", code: "ATTACHMENT_TYPE_NOT_ALLOWED" }]);
  }
  if (file.content.length === 0) {
    throw AppError.field("file", "FIELD_REQUIRED");
  }
  return db.transaction().execute(async (trx) => {
    const article = await lockArticle(trx, actor.tenantId, articleId);
    const row = await trx
      .insertInto("kb_attachments")
      .values({
        tenant_id: actor.tenantId,
        article_id: articleId,
        file_name: file.fileName,
        content_type: contentType,
        size_bytes: file.content.length,
        content: file.content,
        created_by: actor.userId,
        // The worker reads the text later (kb-document-text.ts); a file with none to read is settled now.
        text_state: hasReadableText(contentType) ? "pending" : "none",
      })
      .returning(["id", "file_name", "content_type", "size_bytes", "text_state", "text_recognized"])
      .executeTakeFirstOrThrow();
    await reindexFiled(trx, article, false);
    await recordAudit(trx, actor, meta, { action: "kb.attachment.add", entity: "kb_article", entityId: articleId, details: { attachmentId: row.id } });
    return presentEditorAttachment(row);
  });
}

/** A document's searched text for its editor (null until read, or when it has none). */
export async function attachmentText(db: Db, tenantId: string, articleId: string, attachmentId: string): Promise<AttachmentTextDto> {
  const row = await db
    .selectFrom("kb_attachments")
    .select(["id", "file_name", "content_type", "size_bytes", "text_state", "text_recognized", "text_content"])
    .where("tenant_id", "=", tenantId)
    .where("article_id", "=", articleId)
    .where("id", "=", attachmentId)
    .executeTakeFirst();
  if (row === undefined) {
    throw new AppError("NOT_FOUND");
  }
  return { ...presentEditorAttachment(row), text: row.text_content };
}

export async function removeAttachment(db: Db, actor: Actor, meta: RequestMeta, articleId: string, attachmentId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const article = await lockArticle(trx, actor.tenantId, articleId);
    const deleted = await trx.deleteFrom("kb_attachments").where("tenant_id", "=", actor.tenantId).where("article_id", "=", articleId).where("id", "=", attachmentId).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) {
      throw new AppError("NOT_FOUND");
    }
    await reindexFiled(trx, article, true);
    await recordAudit(trx, actor, meta, { action: "kb.attachment.remove", entity: "kb_article", entityId: articleId, details: { attachmentId } });
  });
}

async function lockArticle(trx: Db, tenantId: string, articleId: string) {
  const article = await trx.selectFrom("kb_articles").selectAll().where("tenant_id", "=", tenantId).where("id", "=", articleId).forUpdate().executeTakeFirst();
  if (!article) {
    throw new AppError("NOT_FOUND");
  }
  return article;
}

/**
 * The documents' names are searched with the article (kb-index.ts), so its published texts are indexed again; a
 * removed document's words may be in no text any more, which the lexicon's rebuild takes out.
 */
async function reindexFiled(trx: Db, article: Selectable<KbArticlesTable>, removed: boolean): Promise<void> {
  if (article.archived_at !== null) {
    return;
  }
  await reindexArticle(trx, article);
  if (removed) {
    await markLexiconStale(trx, article.tenant_id);
  }
}
