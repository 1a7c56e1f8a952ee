import { sql, type Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { TimersTable } from "../../db/schema.ts";

export type TimerRow = Selectable<TimersTable>;

export interface NewTimer {
  tenantId: string;
  kind: string;
  refId: string;
  payload: Record<string, unknown>;
  fireAt: Date;
}

export async function insertTimers(db: Db, timers: NewTimer[]): Promise<void> {
  if (timers.length === 0) {
    return;
  }
  await timersInsert(db, timers).execute();
}

/** The INSERT of timers (at least one), unexecuted, so that a larger statement can embed it. */
export function timersInsert(db: Db, timers: NewTimer[]) {
  return db
    .insertInto("timers")
    .values(timers.map((t) => ({ tenant_id: t.tenantId, kind: t.kind, ref_id: t.refId, payload: JSON.stringify(t.payload), fire_at: t.fireAt })));
}

/** Cancels the pending timers of one object (e.g. when an appeal closes or its deadline moves). */
export async function cancelTimers(db: Db, refId: string, kinds: string[]): Promise<void> {
  await db
    .updateTable("timers")
    .set({ cancelled_at: sql<Date>`now()` })
    .where("ref_id", "=", refId)
    .where("kind", "in", kinds)
    .where("fired_at", "is", null)
    .where("cancelled_at", "is", null)
    .execute();
}

export async function markTimerFired(db: Db, id: number): Promise<void> {
  await db.updateTable("timers").set({ fired_at: sql<Date>`now()` }).where("id", "=", id).execute();
}

/** After a failed attempt: retry later with a growing delay, give up after `maxAttempts`. */
export async function recordTimerFailure(db: Db, id: number, error: string, maxAttempts: number): Promise<void> {
  await db
    .updateTable("timers")
    .set((eb) => ({
      attempts: sql<number>`${eb.ref("attempts")} + 1`,
      last_error: error.slice(0, 1000),
      fire_at: sql<Date>`now() + make_interval(secs => power(2, least(${eb.ref("attempts")}, 10)) * 5)`,
      cancelled_at: sql<Date | null>`case when ${eb.ref("attempts")} + 1 >= ${maxAttempts} then now() else null end`,
    }))
    .where("id", "=", id)
    .execute();
}
