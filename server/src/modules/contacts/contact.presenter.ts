import type { ContactDto, LogEntryDto } from "@bailanys/common/api/contacts";
import type { ContactState } from "@bailanys/common/contacts";
import { localizedName, type Locale } from "@bailanys/common/locales";
import type { Db } from "../../db/database.ts";
import { referenceSnapshot } from "../reference/reference.snapshot.ts";
import type { LogRow } from "./contact-log.repository.ts";
import { contactViews, logExtras, queueNames, type ContactViewRow } from "./contact-view.repository.ts";

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

/** Contacts as staff see them, in the reader's language. */
export async function presentContacts(db: Db, tenantId: string, ids: readonly string[], locale: Locale): Promise<ContactDto[]> {
  return presentContactRows(db, tenantId, await contactViews(db, tenantId, ids), locale);
}

/** Contact rows already read, as staff see them (names from the cached reference data). */
export async function presentContactRows(db: Db, tenantId: string, rows: readonly ContactViewRow[], locale: Locale): Promise<ContactDto[]> {
  const [ref, queues] = await Promise.all([referenceSnapshot(db, tenantId), queueNames(db, tenantId)]);
  return rows.map((row) => {
    const queue = row.queue_id ? queues.get(row.queue_id) : undefined;
    const topic = row.topic_id ? ref.classifier.get(row.topic_id) : undefined;
    const language = ref.languages.get(row.language);
    const channel = ref.channels.get(row.channel);
    return {
      id: row.id,
      channel: { code: row.channel, name: channel ? localizedName(channel, locale) : row.channel },
      direction: row.direction,
      state: row.state as ContactState,
      queue: queue ? { id: queue.id, name: localizedName(queue, locale) } : null,
      topic: topic ? { id: topic.id, name: localizedName(topic, locale) } : null,
      language: { code: row.language, name: language ? localizedName(language, locale) : row.language },
      locale: row.locale,
      priority: row.priority,
      visitor: { name: row.visitor_name, phone: row.visitor_phone, email: row.visitor_email },
      citizen:
        row.citizen_id === null
          ? null
          : { id: row.citizen_id, name: row.citizen_name ?? "", verified: row.verified_at !== null, verifiedMethod: row.verified_method },
      agent: row.agent_id === null ? null : { id: row.agent_id, name: row.agent_name ?? "" },
      arrivedAt: row.arrived_at.toISOString(),
      queuedAt: iso(row.queued_at),
      offeredAt: iso(row.offered_at),
      answeredAt: iso(row.answered_at),
      heldAt: iso(row.held_at),
      holdSeconds: row.hold_seconds,
      holdCount: row.hold_count,
      endedAt: iso(row.ended_at),
      wrapupDeadline: iso(row.wrapup_deadline),
      wrapupDoneAt: iso(row.wrapup_done_at),
      endedBy: row.ended_by,
      outcome: row.outcome,
      wrapupCode: row.wrapup_code,
      resolvedFirstContact: row.resolved_first_contact,
      relaxed: row.relaxed,
      lastSeq: row.last_seq,
      citizenReadSeq: row.citizen_read_seq,
      agentReadSeq: row.agent_read_seq,
      callbackPhone: row.callback_phone,
      survey: row.survey_rating === null ? null : { rating: row.survey_rating, solved: row.survey_solved, comment: row.survey_comment },
      appeals: row.appeals,
    };
  });
}

/**
 * Log entries for a reader. Citizens see operators by name but never staff notes, internal events or
 * other operators' ids.
 */
export async function presentLog(db: Db, rows: readonly LogRow[], audience: "citizen" | "staff"): Promise<LogEntryDto[]> {
  const visible = audience === "citizen" ? rows.filter((r) => !r.staff_only) : rows;
  const authorIds = [...new Set(visible.flatMap((r) => (r.author_id ? [r.author_id] : [])))];
  const attachmentIds = [...new Set(visible.flatMap((r) => (r.attachment_id ? [r.attachment_id] : [])))];
  const { authors, attachments } = await logExtras(db, authorIds, attachmentIds);
  return visible.map((row) => {
    const attachment = row.attachment_id ? attachments.get(row.attachment_id) : undefined;
    return {
      seq: row.seq,
      kind: row.kind as LogEntryDto["kind"],
      event: row.event,
      author: row.author_kind as LogEntryDto["author"],
      authorName: row.author_id ? (authors.get(row.author_id) ?? null) : null,
      body: row.body,
      attachment: attachment ? { id: attachment.id, fileName: attachment.file_name, contentType: attachment.content_type, sizeBytes: attachment.size_bytes } : null,
      clientMsgId: row.client_msg_id,
      staffOnly: row.staff_only,
      data: audience === "citizen" ? citizenData(row) : row.data,
      at: row.created_at.toISOString(),
    };
  });
}

/**
 * What of an event's details a citizen may see: the operator's name when they answer and the number of an
 * appeal registered for them — nothing internal (ids of operators, queues, relaxed skills).
 */
function citizenData(row: LogRow): Record<string, unknown> {
  if (row.event === "answered" && typeof row.data.agentName === "string") {
    return { agentName: row.data.agentName };
  }
  if (row.event === "appeal_registered" && typeof row.data.number === "string") {
    return { number: row.data.number };
  }
  return {};
}
