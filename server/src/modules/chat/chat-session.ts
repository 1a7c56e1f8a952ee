import { timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../platform/app-error.ts";
import { sha256Hex } from "../../platform/hash.ts";
import type { CitizenSession } from "../contacts/contact-conversation.service.ts";

/** After a chat ends, its token still serves the survey, the transcript and reading the log for this long. */
const AFTER_END_MS = 24 * 3600_000;

/**
 * The chat a citizen's token opens. The token is the only credential of an anonymous chat: it is compared in
 * constant time with the stored hash, and any mismatch reads the same as an unknown chat.
 */
export async function chatSessionFor(db: Db, contactId: string, token: string | undefined): Promise<CitizenSession & { state: string }> {
  if (!token || token.length > 200) {
    throw new AppError("CHAT_SESSION_INVALID");
  }
  const row = await db.selectFrom("contacts").select(["id", "tenant_id", "state", "access_token_hash", "ended_at"]).where("id", "=", contactId).executeTakeFirst();
  const expected = Buffer.from(row?.access_token_hash ?? "0".repeat(64), "hex");
  const given = Buffer.from(sha256Hex(token), "hex");
  const matches = row !== undefined && row.access_token_hash !== null && timingSafeEqual(expected, given);
  if (!row || !matches || (row.ended_at !== null && Date.now() - row.ended_at.getTime() > AFTER_END_MS)) {
    throw new AppError("CHAT_SESSION_INVALID");
  }
  return { contactId: row.id, tenantId: row.tenant_id, state: row.state };
}

export function chatSession(db: Db, request: FastifyRequest, contactId: string) {
  const header = request.headers["x-chat-token"];
  return chatSessionFor(db, contactId, Array.isArray(header) ? header[0] : header);
}
