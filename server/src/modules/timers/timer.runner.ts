import type { CalendarRules } from "@bailanys/common/calendar";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { fireAppealTimer } from "../appeals/appeal-timer.handler.ts";
import { calendarRules } from "../calendar/calendar.service.ts";
import { referenceSnapshot, type ReferenceSnapshot } from "../reference/reference.snapshot.ts";
import { markTimerFired, recordTimerFailure, type TimerRow } from "./timer.repository.ts";

const BATCH = 50;
const MAX_ATTEMPTS = 10;

type Handler = (trx: Db, timer: TimerRow, ref: ReferenceSnapshot, rules: CalendarRules) => Promise<void>;
const HANDLERS: Record<string, Handler> = {
  "appeal.escalation": fireAppealTimer,
  "appeal.forward_limit": fireAppealTimer,
};

/**
 * Fires due timers. Each timer is re-read with FOR UPDATE SKIP LOCKED and marked fired in the transaction of its
 * effect: a timer another node is firing is skipped, one that was fired is never fired again, and one whose
 * effect failed stays due (with back-off) — so timers fire exactly once across nodes and survive restarts.
 */
export async function runDueTimers(db: Db): Promise<number> {
  const due = await db
    .selectFrom("timers")
    .select(["id", "tenant_id"])
    .where("fired_at", "is", null)
    .where("cancelled_at", "is", null)
    .where("fire_at", "<=", sql<Date>`now()`)
    .orderBy("fire_at")
    .limit(BATCH)
    .execute();
  let fired = 0;
  for (const candidate of due) {
    // Reference data is read before the transaction: on PGlite the transaction holds the only connection.
    const ref = await referenceSnapshot(db, candidate.tenant_id);
    const rules = await calendarRules(db, candidate.tenant_id);
    try {
      const ran = await db.transaction().execute(async (trx) => {
        const timer = await trx
          .selectFrom("timers")
          .selectAll()
          .where("id", "=", candidate.id)
          .where("fired_at", "is", null)
          .where("cancelled_at", "is", null)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!timer) {
          return false;
        }
        const handler = HANDLERS[timer.kind];
        if (handler) {
          await handler(trx, timer, ref, rules);
        }
        await markTimerFired(trx, timer.id);
        return true;
      });
      fired += ran ? 1 : 0;
    } catch (error) {
      await recordTimerFailure(db, candidate.id, error instanceof Error ? error.message : String(error), MAX_ATTEMPTS);
    }
  }
  return fired;
}
