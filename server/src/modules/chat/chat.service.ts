import type { StartChatBody, SurveyBody } from "@bailanys/common/api/contacts";
import { toLocal } from "@bailanys/common/calendar";
import { isPlausibleEmail, normalizePhone } from "@bailanys/common/contact-details";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { AppError, type FieldProblem } from "../../platform/app-error.ts";
import { calendarRules } from "../calendar/calendar.service.ts";
import type { CitizenSession } from "../contacts/contact-conversation.service.ts";
import { openInboundContact } from "../contacts/contact-intake.service.ts";
import { appendLog } from "../contacts/contact-log.repository.ts";
import { lockContact } from "../contacts/contact.repository.ts";
import { dispatchAgent, dispatchContact, type RoutingDeps } from "../routing/dispatch.ts";
import { tenantByCode } from "./chat-config.service.ts";
import { transact } from "../../realtime/event-bus.ts";

/** A citizen starts a web chat: checks the form, then the contact enters its queue (see openInboundContact). */
export async function startChat(deps: RoutingDeps, input: StartChatBody): Promise<{ contactId: string; token: string }> {
  const problems: FieldProblem[] = [];
  const tenant = await tenantByCode(deps.db, input.tenant);
  const phone = input.phone ? normalizePhone(input.phone) : null;
  if (input.phone && phone === null) {
    problems.push({ field: "phone", code: "PHONE_INVALID" });
  }
  const email = input.email?.trim() ? input.email.trim().toLowerCase() : null;
  if (email !== null && !isPlausibleEmail(email)) {
    problems.push({ field: "email", code: "EMAIL_INVALID" });
  }
  if (!input.consent) {
    problems.push({ field: "consent", code: "CONSENT_REQUIRED" });
  }
  const name = input.name.trim();
  if (name === "") {
    problems.push({ field: "name", code: "FIELD_REQUIRED" });
  }
  if (problems.length > 0) {
    throw new AppError("VALIDATION_FAILED", problems);
  }
  const result = await openInboundContact(deps, {
    tenantId: tenant.id,
    channel: "web_chat",
    language: input.language,
    locale: input.locale,
    topicId: input.topicId ?? null,
    visitor: { name, phone, email, address: null },
    firstMessage: input.message?.trim() ? input.message.trim() : null,
    clientMsgId: input.clientMsgId ?? null,
  });
  return { contactId: result.contactId, token: result.accessToken };
}

/** The citizen asks to be called back instead of waiting (R13.1): the chat leaves the queue as a callback. */
export async function requestCallback(deps: RoutingDeps, session: CitizenSession, rawPhone: string): Promise<void> {
  const phone = normalizePhone(rawPhone);
  if (phone === null) {
    throw AppError.field("phone", "PHONE_INVALID");
  }
  const { callbackId, freedAgent } = await transact(deps, async (trx) => {
    const contact = await lockContact(trx, session.tenantId, session.contactId);
    if (contact.state !== "queued" && contact.state !== "offered") {
      throw new AppError("CONTACT_NOT_ACTIVE");
    }
    const offer = await trx
      .updateTable("contact_offers")
      .set({ state: "withdrawn", decided_at: sql<Date>`now()` })
      .where("contact_id", "=", contact.id)
      .where("state", "=", "pending")
      .returning("agent_id")
      .executeTakeFirst();
    // The callback itself is an outbound contact in the same queue, waiting for an operator like any other.
    const callback = await trx
      .insertInto("contacts")
      .values({
        tenant_id: contact.tenant_id,
        channel: "phone",
        direction: "outbound",
        state: "queued",
        queue_id: contact.queue_id,
        original_queue_id: contact.queue_id,
        topic_id: contact.topic_id,
        topic_path: contact.topic_path,
        language: contact.language,
        locale: contact.locale,
        priority: contact.priority,
        citizen_id: contact.citizen_id,
        visitor_name: contact.visitor_name,
        visitor_phone: phone,
        visitor_email: contact.visitor_email,
        queued_at: sql<Date>`now()`,
        callback_phone: phone,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("contacts")
      .set({
        state: "closed",
        agent_id: null,
        ended_at: sql<Date>`now()`,
        ended_by: "citizen",
        outcome: "callback",
        callback_phone: phone,
        callback_contact_id: callback.id,
        next_review_at: null,
      })
      .where("id", "=", contact.id)
      .execute();
    await appendLog(trx, deps.bus, { id: contact.id, tenantId: contact.tenant_id }, { kind: "event", event: "callback_requested", authorKind: "citizen" });
    await appendLog(trx, deps.bus, { id: callback.id, tenantId: contact.tenant_id }, { kind: "event", event: "queued", authorKind: "system", data: { callbackFor: contact.id } });
    await deps.bus.publish(trx, { type: "contact.changed", tenantId: contact.tenant_id, contactId: contact.id, agentId: null, state: "closed" });
    await deps.bus.publish(trx, { type: "contact.changed", tenantId: contact.tenant_id, contactId: callback.id, agentId: null, state: "queued" });
    if (offer) {
      await deps.bus.publish(trx, { type: "agent.changed", tenantId: contact.tenant_id, agentId: offer.agent_id });
    }
    return { callbackId: callback.id, freedAgent: offer?.agent_id ?? null };
  });
  await dispatchContact(deps, callbackId);
  if (freedAgent !== null) {
    await dispatchAgent(deps, freedAgent);
  }
}

/** The post-chat survey: satisfaction 1–5 and whether the question was solved (feeds CSAT and FCR). Once. */
export async function submitSurvey(deps: RoutingDeps, session: CitizenSession, input: SurveyBody): Promise<void> {
  await transact(deps, async (trx) => {
    const contact = await lockContact(trx, session.tenantId, session.contactId);
    if (contact.answered_at === null || (contact.state !== "wrapup" && contact.state !== "closed")) {
      throw new AppError("CONTACT_NOT_ACTIVE");
    }
    if (contact.survey_at !== null) {
      throw new AppError("SURVEY_ALREADY_GIVEN");
    }
    await trx
      .updateTable("contacts")
      .set({ survey_rating: input.rating, survey_solved: input.solved, survey_comment: input.comment?.trim() || null, survey_at: sql<Date>`now()` })
      .where("id", "=", contact.id)
      .execute();
    await appendLog(trx, deps.bus, { id: contact.id, tenantId: contact.tenant_id }, { kind: "event", event: "survey", authorKind: "citizen", staffOnly: true, data: { rating: input.rating, solved: input.solved } });
  });
}

/** Queues the transcript of the chat (messages only, Asia/Almaty times) to the citizen's e-mail address. */
export async function sendTranscript(db: Db, session: CitizenSession, rawEmail: string): Promise<void> {
  const email = rawEmail.trim().toLowerCase();
  if (!isPlausibleEmail(email)) {
    throw AppError.field("email", "EMAIL_INVALID");
  }
  const rules = await calendarRules(db, session.tenantId);
  await db.transaction().execute(async (trx) => {
    const contact = await lockContact(trx, session.tenantId, session.contactId);
    const rows = await trx
      .selectFrom("contact_log as l")
      .leftJoin("users as u", "u.id", "l.author_id")
      .select(["l.author_kind", "l.body", "l.created_at", "u.full_name"])
      .where("l.contact_id", "=", contact.id)
      .where("l.kind", "=", "message")
      .orderBy("l.seq")
      .execute();
    const transcript = rows
      .map((r) => `[${toLocal(rules, r.created_at).time.slice(0, 5)}] ${r.author_kind === "citizen" ? (contact.visitor_name ?? "—") : (r.full_name ?? "—")}: ${r.body ?? ""}`)
      .join("\n");
    await trx
      .insertInto("notification_outbox")
      .values({
        tenant_id: contact.tenant_id,
        appeal_id: null,
        citizen_id: contact.citizen_id,
        audience: "citizen",
        channel: "email",
        locale: contact.locale,
        template: "chat_transcript",
        params: JSON.stringify({ to: email, date: toLocal(rules, contact.arrived_at).date, transcript }),
      })
      .execute();
  });
}
