import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import type { RoutingDeps } from "../routing/dispatch.ts";
import { initialDeliveryState } from "./channel-adapter.ts";
import { appendLog, type LogRow } from "./contact-log.repository.ts";
import { isOpen, lockContact, lockOwnActiveContact } from "./contact.repository.ts";
import { transact } from "../../realtime/event-bus.ts";

export interface MessageInput {
  text: string;
  clientMsgId?: string | null;
  attachmentId?: string | null;
}

/** The entry a resent message (same client id) already created, so that a retry lands once. */
async function existingMessage(trx: Db, contactId: string, clientMsgId: string | null | undefined): Promise<LogRow | undefined> {
  if (!clientMsgId) {
    return undefined;
  }
  return trx.selectFrom("contact_log").selectAll().where("contact_id", "=", contactId).where("client_msg_id", "=", clientMsgId).executeTakeFirst();
}

async function checkAttachment(trx: Db, contactId: string, attachmentId: string | null | undefined): Promise<void> {
  if (!attachmentId) {
    return;
  }
  const found = await trx.selectFrom("contact_attachments").select("id").where("id", "=", attachmentId).where("contact_id", "=", contactId).executeTakeFirst();
  if (!found) {
    throw AppError.field("attachmentId", "REFERENCE_UNKNOWN");
  }
}

/**
 * A message from the operator handling the contact. `alsoWrite` adds what the message stands for to the same
 * transaction (a knowledge-base article sent, counted as used), so neither exists without the other.
 */
export async function postAgentMessage(deps: RoutingDeps, actor: Actor, contactId: string, input: MessageInput, alsoWrite?: (trx: Db) => Promise<void>): Promise<LogRow> {
  return transact(deps, async (trx) => {
    const contact = await lockOwnActiveContact(trx, actor.tenantId, actor.userId, contactId);
    const existing = await existingMessage(trx, contactId, input.clientMsgId);
    if (existing) {
      return existing;
    }
    await checkAttachment(trx, contactId, input.attachmentId);
    await alsoWrite?.(trx);
    return appendLog(trx, deps.bus, { id: contact.id, tenantId: contact.tenant_id }, {
      kind: "message",
      authorKind: "agent",
      authorId: actor.userId,
      body: input.text,
      attachmentId: input.attachmentId ?? null,
      clientMsgId: input.clientMsgId ?? null,
      deliveryState: initialDeliveryState(contact.channel),
    });
  });
}

/** A note for colleagues (a transfer's context, a supervisor's whisper): staff only, never shown to the citizen. */
export async function postNote(deps: RoutingDeps, actor: Actor, contactId: string, text: string): Promise<LogRow> {
  return transact(deps, async (trx) => {
    const contact = await lockContact(trx, actor.tenantId, contactId);
    return appendLog(trx, deps.bus, { id: contact.id, tenantId: contact.tenant_id }, {
      kind: "note",
      authorKind: "agent",
      authorId: actor.userId,
      body: text,
      staffOnly: true,
    });
  });
}

export interface CitizenSession {
  contactId: string;
  tenantId: string;
}

/** A message from the citizen, while the conversation is open (waiting or being answered). */
export async function postCitizenMessage(deps: RoutingDeps, session: CitizenSession, input: MessageInput): Promise<LogRow> {
  return transact(deps, async (trx) => {
    const contact = await lockContact(trx, session.tenantId, session.contactId);
    if (!isOpen(contact.state) || contact.state === "wrapup") {
      throw new AppError("CONTACT_NOT_ACTIVE");
    }
    const existing = await existingMessage(trx, contact.id, input.clientMsgId);
    if (existing) {
      return existing;
    }
    await checkAttachment(trx, contact.id, input.attachmentId);
    return appendLog(trx, deps.bus, { id: contact.id, tenantId: contact.tenant_id }, {
      kind: "message",
      authorKind: "citizen",
      body: input.text,
      attachmentId: input.attachmentId ?? null,
      clientMsgId: input.clientMsgId ?? null,
      deliveryState: "sent",
    });
  });
}

/** The operator handling the contact has read its log up to `read`. */
export async function recordAgentRead(deps: RoutingDeps, actor: Actor, contactId: string, read: number): Promise<void> {
  await transact(deps, async (trx) => {
    const updated = await trx
      .updateTable("contacts")
      .set({ agent_read_seq: sql<number>`least(last_seq, greatest(agent_read_seq, ${read}))` })
      .where("id", "=", contactId)
      .where("tenant_id", "=", actor.tenantId)
      .where("agent_id", "=", actor.userId)
      .returning("agent_read_seq")
      .executeTakeFirst();
    if (!updated) {
      throw new AppError("NOT_YOUR_CONTACT");
    }
    await deps.bus.publish(trx, { type: "contact.receipt", tenantId: actor.tenantId, contactId, who: "agent", delivered: updated.agent_read_seq, read: updated.agent_read_seq });
  });
}

/**
 * Records how far the citizen has received and read the log; the operator sees it on their messages.
 * Pointers only move forward, so late or repeated receipts change nothing.
 */
export async function recordCitizenReceipt(deps: RoutingDeps, session: CitizenSession, delivered: number, read: number): Promise<void> {
  await transact(deps, async (trx) => {
    const updated = await trx
      .updateTable("contacts")
      .set({
        citizen_delivered_seq: sql<number>`least(last_seq, greatest(citizen_delivered_seq, ${delivered}, ${read}))`,
        citizen_read_seq: sql<number>`least(last_seq, greatest(citizen_read_seq, ${read}))`,
        citizen_seen_at: sql<Date>`now()`,
      })
      .where("id", "=", session.contactId)
      .where("tenant_id", "=", session.tenantId)
      .returning(["citizen_delivered_seq", "citizen_read_seq"])
      .executeTakeFirst();
    if (updated) {
      await deps.bus.publish(trx, {
        type: "contact.receipt",
        tenantId: session.tenantId,
        contactId: session.contactId,
        who: "citizen",
        delivered: updated.citizen_delivered_seq,
        read: updated.citizen_read_seq,
      });
    }
  });
}

/** Announces typing to the other side; nothing is stored. */
export async function announceTyping(deps: RoutingDeps, session: CitizenSession, who: "citizen" | "agent"): Promise<void> {
  await deps.bus.publish(deps.db, { type: "contact.typing", tenantId: session.tenantId, contactId: session.contactId, who });
}

/** The citizens of these chats are still there (an open socket): their waiting chats are not abandoned. */
export async function markCitizensSeen(db: Db, contactIds: readonly string[]): Promise<void> {
  if (contactIds.length === 0) {
    return;
  }
  await sql`update contacts set citizen_seen_at = now()
            where id = any(${contactIds}::uuid[]) and state in ('queued', 'offered', 'active', 'held')`.execute(db);
}
