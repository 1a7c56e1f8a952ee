import { randomBytes, randomUUID } from "node:crypto";
import type { RoutedChannel } from "@bailanys/common/contacts";
import type { Locale } from "@bailanys/common/locales";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { AppError } from "../../platform/app-error.ts";
import { sha256Hex } from "../../platform/hash.ts";
import { calendarRules } from "../calendar/calendar.service.ts";
import { citizenByIdentity } from "../citizens/citizen-identity.service.ts";
import { referenceSnapshot } from "../reference/reference.snapshot.ts";
import { offerToBestAgent, type RoutingDeps } from "../routing/dispatch.ts";
import { freeCandidateQuery, type QueuedContact } from "../routing/routing.repository.ts";
import { nextReviewAt } from "../routing/queue-review.ts";
import { isQueueOpen, type OpeningHours } from "../routing/routing-rules.ts";
import { logInsert, type NewLogEntry } from "./contact-log.repository.ts";
import { activeQueues, pickQueue, topicPath } from "./contact-queues.repository.ts";
import { transact } from "../../realtime/event-bus.ts";

export interface InboundContactInput {
  tenantId: string;
  channel: RoutedChannel;
  /** Language of the conversation (routing skill): a code of the languages list. */
  language: string;
  /** Language of the texts the citizen reads (system messages, notifications). */
  locale: Locale;
  topicId: string | null;
  criticalityCode?: string | null;
  /** `externalId`: the sender's id on a messenger channel (a Telegram user id); web chat has none. */
  visitor: { name: string | null; phone: string | null; email: string | null; address: string | null; externalId?: string | null };
  firstMessage: string | null;
  clientMsgId?: string | null;
  /** What the channel knew before the queue, for the operator (a call's choices in the voice menu). */
  before?: { event: string; data: Record<string, unknown> } | null;
}

export interface InboundContactResult {
  contactId: string;
  /** The citizen's secret for this conversation (returned once; only its hash is stored). */
  accessToken: string;
  queueId: string;
}

/**
 * Registers an inbound contact in real time (R5.4) and puts it in the queue its channel and topic lead to:
 * the contact, its first log entries, the citizen match and the offer to the best free operator are one transaction.
 */
export async function openInboundContact(deps: RoutingDeps, input: InboundContactInput): Promise<InboundContactResult> {
  const [ref, rules, queues] = await Promise.all([
    referenceSnapshot(deps.db, input.tenantId),
    calendarRules(deps.db, input.tenantId),
    activeQueues(deps.db, input.tenantId),
  ]);
  if (input.topicId !== null && !ref.classifier.get(input.topicId)?.active) {
    throw AppError.field("topicId", "REFERENCE_UNKNOWN");
  }
  if (!ref.languages.get(input.language)?.active) {
    throw AppError.field("language", "REFERENCE_UNKNOWN");
  }
  const path = topicPath(ref.classifier, input.topicId);
  const queue = pickQueue(queues, input.channel, path);
  if (!queue) {
    throw new AppError("NO_QUEUE_FOR_CONTACT");
  }
  const now = new Date();
  if (!isQueueOpen(queue.hours as OpeningHours, queue.open_on_holidays, rules, now)) {
    throw new AppError("QUEUE_CLOSED");
  }
  const criticality = input.criticalityCode ? ref.criticality.get(input.criticalityCode) : undefined;
  const accessToken = randomBytes(24).toString("base64url");

  const contactId = randomUUID();
  const entries: NewLogEntry[] = [{ kind: "event", event: "queued", authorKind: "system", data: { queueId: queue.id } }];
  if (input.before) {
    entries.unshift({ kind: "event", event: input.before.event, authorKind: "system", staffOnly: true, data: input.before.data });
  }
  if (input.firstMessage) {
    entries.push({ kind: "message", authorKind: "citizen", body: input.firstMessage, clientMsgId: input.clientMsgId ?? null, deliveryState: "sent" });
  }
  const queued: QueuedContact = {
    id: contactId,
    tenant_id: input.tenantId,
    channel: input.channel,
    language: input.language,
    topic_path: path,
    relaxed: [],
    queue_id: queue.id,
    min_level: queue.min_level,
    line: queue.line,
    offer_timeout_seconds: queue.offer_timeout_seconds,
  };
  // One transaction registers the contact and offers it: acknowledged means routed or waiting in the queue.
  await transact(deps, async (trx) => {
    const citizenId = await matchCitizen(trx, input.tenantId, input.channel, input.visitor);
    const insert = trx
      .insertInto("contacts")
      .values({
        id: contactId,
        tenant_id: input.tenantId,
        channel: input.channel,
        direction: "inbound",
        state: "queued",
        queue_id: queue.id,
        original_queue_id: queue.id,
        topic_id: input.topicId,
        topic_path: path,
        language: input.language,
        locale: input.locale,
        priority: queue.priority + (criticality?.rank ?? 0),
        criticality_code: criticality ? input.criticalityCode : null,
        citizen_id: citizenId,
        visitor_name: input.visitor.name,
        visitor_phone: input.visitor.phone,
        visitor_email: input.visitor.email,
        visitor_address: input.visitor.address,
        visitor_external_id: input.visitor.externalId ?? null,
        queued_at: sql<Date>`now()`,
        next_review_at: nextReviewAt(queue, now, 0, null),
        access_token_hash: sha256Hex(accessToken),
        citizen_seen_at: sql<Date>`now()`,
        last_seq: entries.length,
      })
      .returning(["id", "tenant_id", "last_seq"]);
    // The statement that writes the contact and its first entries also finds and locks a free operator for it.
    const { rows } = await sql<{ agent_id: string | null }>`
      with upd as (${insert}), log as (${logInsert("upd", entries)}), cand as (${freeCandidateQuery(queued, [])})
      select (select user_id from cand) as agent_id`.execute(trx);
    await deps.bus.publish(trx, { type: "contact.log", tenantId: input.tenantId, contactId, seq: entries.length });
    await deps.bus.publish(trx, { type: "contact.changed", tenantId: input.tenantId, contactId, agentId: null, state: "queued" });
    await offerToBestAgent(trx, deps.bus, queued, { agentId: rows[0]?.agent_id ?? null });
  });
  return { contactId, accessToken, queueId: queue.id };
}

/**
 * The citizen a sender is: the record their messenger id is tied to, else the one record that has their phone
 * number or e-mail address (several records with it are not a match: never a guess).
 */
async function matchCitizen(trx: Db, tenantId: string, channel: RoutedChannel, visitor: InboundContactInput["visitor"]): Promise<string | null> {
  // Web chat sends no messenger id, so its intake costs no statement more.
  if (visitor.externalId) {
    const tied = await citizenByIdentity(trx, tenantId, channel, visitor.externalId);
    if (tied !== null) {
      return tied;
    }
  }
  for (const [column, value] of [["phone", visitor.phone], ["email", visitor.email]] as const) {
    if (value === null) {
      continue;
    }
    const rows = await trx.selectFrom("citizens").select("id").where("tenant_id", "=", tenantId).where(column, "=", value).limit(2).execute();
    if (rows.length === 1 && rows[0]) {
      return rows[0].id;
    }
  }
  return null;
}
