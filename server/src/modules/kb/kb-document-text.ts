import type { KbDocumentTextState } from "@bailanys/common/api/kb";
import type { FastifyBaseLogger } from "fastify";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { documentText, type DocumentText } from "./document-text/document-text.ts";
import { reindexArticle } from "./kb-index.ts";

/** Documents claimed per run; each is read one after another, so a run stays short. */
const BATCH = 4;
/**
 * A claim older than this was left by a worker that died while reading: the document is read again. Longer than a
 * batch can take (4 × (30 s for a PDF + 2 min of OCR)), so a slow batch is not read twice.
 */
const CLAIM_EXPIRES = "30 minutes";

/**
 * Worker job: reads the text of newly attached documents and indexes their articles again, so a word found only
 * in an attached form, regulation or scan finds the article. Claimed with a conditional update, so any number of
 * workers share the work; the reading itself (pdf.js in a thread of its own) is outside any transaction.
 */
export async function readAttachedDocuments(db: Db, log: FastifyBaseLogger): Promise<number> {
  const claimed = await sql<{ id: string; content_type: string; content: Uint8Array; claimed_at: string }>`
    update kb_attachments set text_state = 'reading', text_claimed_at = now()
    where id in (
      select id from kb_attachments
      where text_state = 'pending' or (text_state = 'reading' and text_claimed_at < now() - ${CLAIM_EXPIRES}::interval)
      order by created_at limit ${BATCH} for update skip locked)
    returning id, content_type, content, text_claimed_at::text as claimed_at`.execute(db);
  for (const document of claimed.rows) {
    let state: KbDocumentTextState;
    let read: DocumentText = { text: "", recognized: false };
    try {
      read = await documentText(document.content_type, Buffer.from(document.content));
      state = read.text === "" ? "none" : "read";
    } catch (error) {
      // The file's name may hold a person's name; its id is enough to find it.
      log.warn({ attachmentId: document.id, reason: error instanceof Error ? error.message : String(error) }, "an attached document's text could not be read");
      state = "failed";
    }
    await saveText(db, document, state, state === "read" ? read : null);
  }
  return claimed.rows.length;
}

/**
 * Stores what was read and indexes the article again, in one transaction, locking the article first as adding and
 * removing documents do. Nothing is stored when the document was removed meanwhile, or claimed again after this
 * claim expired (the newer claim will store it).
 */
async function saveText(db: Db, document: { id: string; claimed_at: string }, state: KbDocumentTextState, read: DocumentText | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const article = await trx
      .selectFrom("kb_articles")
      .selectAll()
      .where("id", "=", (eb) => eb.selectFrom("kb_attachments").select("article_id").where("id", "=", document.id))
      .forUpdate()
      .executeTakeFirst();
    if (article === undefined) {
      return;
    }
    const saved = await trx
      .updateTable("kb_attachments")
      .set({ text_state: state, text_content: read?.text ?? null, text_recognized: read?.recognized ?? false, text_claimed_at: null })
      .where("id", "=", document.id)
      .where("text_state", "=", "reading")
      .where(sql<boolean>`text_claimed_at::text = ${document.claimed_at}`)
      .executeTakeFirst();
    if (Number(saved.numUpdatedRows) === 1 && state === "read" && article.archived_at === null) {
      await reindexArticle(trx, article);
    }
  });
}
