import type { Db } from "../../db/database.ts";
import { AppError } from "../../platform/app-error.ts";

const seconds = (from: Date | null, to: Date | null): number | null => (from === null || to === null ? null : Math.max(0, Math.round((new Date(to).getTime() - new Date(from).getTime()) / 1000)));

/**
 * A call's figures for the KPIs (A1.1, A1.5): time in the menu, wait after the menu until an operator answered,
 * answered or abandoned before an answer (short abandons apart), talk and hold, wrap-up, transfers, operator
 * attempts, and whether a recording is kept. Times are whole seconds.
 */
export async function callFigures(db: Db, tenantId: string, contactId: string) {
  const row = await db
    .selectFrom("voice_calls as v")
    .innerJoin("contacts as c", "c.id", "v.contact_id")
    .leftJoin("call_recordings as r", "r.call_id", "v.id")
    .select([
      "v.id", "v.caller_number", "v.dialled_number", "v.started_at", "v.ivr_ended_at", "v.ivr_digits", "v.locale", "v.operator_attempts", "v.ended_at", "v.ended_by", "v.short_abandon",
      "c.queued_at", "c.answered_at", "c.ended_at as contact_ended_at", "c.wrapup_done_at", "c.hold_seconds", "c.hold_count", "c.outcome",
      "r.duration_ms as recording_ms",
    ])
    .where("v.contact_id", "=", contactId)
    .where("v.tenant_id", "=", tenantId)
    .orderBy("v.started_at", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) {
    throw new AppError("NOT_FOUND");
  }
  const transfers = await db.selectFrom("contact_log").select(db.fn.countAll<number>().as("n")).where("contact_id", "=", contactId).where("event", "=", "transferred").executeTakeFirstOrThrow();
  const talk = seconds(row.answered_at, row.contact_ended_at);
  return {
    callId: row.id,
    callerNumber: row.caller_number,
    dialledNumber: row.dialled_number,
    menuDigits: row.ivr_digits,
    locale: row.locale,
    ivrSeconds: seconds(row.started_at, row.ivr_ended_at),
    waitSeconds: seconds(row.queued_at, row.answered_at ?? row.contact_ended_at),
    answered: row.answered_at !== null,
    abandoned: row.answered_at === null && row.outcome === "abandoned",
    shortAbandon: row.short_abandon,
    talkSeconds: talk === null ? null : Math.max(0, talk - row.hold_seconds),
    holdSeconds: row.hold_seconds,
    holds: row.hold_count,
    wrapupSeconds: seconds(row.contact_ended_at, row.wrapup_done_at),
    transfers: Number(transfers.n),
    operatorAttempts: row.operator_attempts,
    endedBy: row.ended_by,
    recordingSeconds: row.recording_ms === null ? null : Math.round(row.recording_ms / 1000),
  };
}

/** The stereo recording of a contact's latest call (caller left, operator right). */
export async function callRecording(db: Db, tenantId: string, contactId: string): Promise<Buffer> {
  const row = await db
    .selectFrom("call_recordings as r")
    .innerJoin("voice_calls as v", "v.id", "r.call_id")
    .select("r.content")
    .where("v.contact_id", "=", contactId)
    .where("r.tenant_id", "=", tenantId)
    .orderBy("v.started_at", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) {
    throw new AppError("NOT_FOUND");
  }
  return Buffer.from(row.content);
}
