import { normalizePhone } from "@bailanys/common/contact-details";
import { toLocal, type CalendarRules } from "@bailanys/common/calendar";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { transact, type EventBus } from "../../realtime/event-bus.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { calendarRules } from "../calendar/calendar.service.ts";
import { appendLog } from "../contacts/contact-log.repository.ts";
import { lockOwnActiveContact, type ContactRow } from "../contacts/contact.repository.ts";
import { isQueueOpen, type OpeningHours } from "../routing/routing-rules.ts";

export interface OutboundCallInput {
  /** R13.3: said at the start of the call; shown to the operator as the call's script. */
  reason: string;
  /** The number to call; by default the callback number or the number the citizen called from. */
  phone?: string;
}

/**
 * Whether a call may be placed at `at` (R13.5): within the body's calling hours (a weekly schedule, holidays
 * closed), or else within the time the citizen asked for, provided that lies within the agreed schedule.
 */
export function callingAllowed(
  settings: { outboundHours: OpeningHours; agreedSchedule: [string, string] },
  window: { start: Date | null; end: Date | null },
  rules: Parameters<typeof isQueueOpen>[2],
  at: Date,
): boolean {
  if (isQueueOpen(settings.outboundHours, false, rules, at)) {
    return true;
  }
  if (window.start === null || window.end === null || at < window.start || at > window.end) {
    return false;
  }
  const local = toLocal(rules, at).time;
  return local >= settings.agreedSchedule[0] && local < settings.agreedSchedule[1];
}

/** R13.3: the reason said at the start of the call, required. */
export function statedReason(input: OutboundCallInput): string {
  const reason = input.reason.trim();
  if (reason === "") {
    throw AppError.field("reason", "FIELD_REQUIRED");
  }
  return reason;
}

/**
 * An operator asks to call the citizen of the contact they hold: the reason is required (R13.3), a number on the
 * do-not-call list is refused (R13.4), and so is a call outside the calling hours unless the citizen asked for
 * this time (R13.5). The request is one transaction (the row, the log entry the operator reads as the script,
 * the audit record); a voice process then rings the operator's phone and, once answered, the citizen.
 */
export async function requestOutboundCall(deps: { db: Db; bus: EventBus }, actor: Actor, meta: RequestMeta, contactId: string, input: OutboundCallInput): Promise<{ id: string }> {
  const reason = statedReason(input);
  const rules = await calendarRules(deps.db, actor.tenantId);
  return transact(deps, async (trx) => {
    const contact = await lockOwnActiveContact(trx, actor.tenantId, actor.userId, contactId);
    return queueOutboundCall(trx, deps.bus, actor, meta, { contact, phone: input.phone ?? contact.callback_phone ?? contact.visitor_phone, reason, rules });
  });
}

/**
 * The checks and the request of an outbound call for a contact the operator holds, in the caller's transaction
 * (locked contact): R13.4 and R13.5, one call at a time per contact, then the `voice_outbound_calls` row the
 * voice processes claim, the script in the contact's log and the audit record.
 */
export async function queueOutboundCall(
  trx: Db,
  bus: EventBus,
  actor: Actor,
  meta: RequestMeta,
  call: { contact: Pick<ContactRow, "id" | "callback_window_start" | "callback_window_end">; phone: string | null; reason: string; rules: CalendarRules },
): Promise<{ id: string }> {
  const { contact, reason, rules } = call;
  const phone = normalizePhone(call.phone ?? "");
  if (phone === null) {
    throw AppError.field("phone", "PHONE_INVALID");
  }
  const blocked = await trx.selectFrom("do_not_call").select("phone").where("tenant_id", "=", actor.tenantId).where("phone", "=", phone).executeTakeFirst();
  if (blocked) {
    throw AppError.field("phone", "DO_NOT_CALL");
  }
  const settings = await trx.selectFrom("voice_settings").select(["outbound_trunk", "outbound_hours", "agreed_schedule"]).where("tenant_id", "=", actor.tenantId).executeTakeFirst();
  if (!settings?.outbound_trunk) {
    throw new AppError("OUTBOUND_NOT_CONFIGURED");
  }
  const allowed = callingAllowed(
    { outboundHours: settings.outbound_hours, agreedSchedule: [settings.agreed_schedule[0] ?? "08:00", settings.agreed_schedule[1] ?? "22:00"] },
    { start: contact.callback_window_start, end: contact.callback_window_end },
    rules,
    new Date(),
  );
  if (!allowed) {
    throw new AppError("OUTSIDE_CALLING_HOURS");
  }
  const busy = await trx
    .selectFrom("voice_outbound_calls")
    .select("id")
    .where("contact_id", "=", contact.id)
    .where("state", "in", ["requested", "ringing_operator", "ringing_citizen", "connected"])
    .executeTakeFirst();
  if (busy) {
    throw new AppError("CALL_IN_PROGRESS");
  }
  const row = await trx
    .insertInto("voice_outbound_calls")
    .values({ tenant_id: actor.tenantId, contact_id: contact.id, agent_id: actor.userId, phone, reason })
    .returning("id")
    .executeTakeFirstOrThrow();
  await appendLog(trx, bus, { id: contact.id, tenantId: actor.tenantId }, { kind: "event", event: "outbound_call", authorKind: "agent", authorId: actor.userId, staffOnly: true, data: { reason } });
  // The number is personal data: the audit record names the contact, not the number.
  await recordAudit(trx, actor, meta, { action: "call.outbound.request", entity: "contact", entityId: contact.id });
  await bus.publish(trx, { type: "voice.dial", tenantId: actor.tenantId, callId: row.id });
  return { id: row.id };
}

/** R13.4: a number that asked not to be called (normalised +7…); adding one twice changes nothing. */
export async function addDoNotCall(db: Db, actor: Actor, meta: RequestMeta, rawPhone: string, note: string): Promise<void> {
  const phone = normalizePhone(rawPhone);
  if (phone === null) {
    throw AppError.field("phone", "PHONE_INVALID");
  }
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("do_not_call").values({ tenant_id: actor.tenantId, phone, note, created_by: actor.userId }).onConflict((oc) => oc.doNothing()).execute();
    await recordAudit(trx, actor, meta, { action: "call.do_not_call.add" });
  });
}
