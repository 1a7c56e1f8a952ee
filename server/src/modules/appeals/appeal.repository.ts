import { sql, type Insertable, type Selectable, type UpdateObject } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Db } from "../../db/database.ts";
import type { AppealEventsTable, AppealsTable } from "../../db/schema.ts";

export type AppealRow = Selectable<AppealsTable>;
export type AppealEventRow = Selectable<AppealEventsTable>;

export async function nextAppealSequence(db: Db): Promise<number> {
  const row = await sql<{ n: number }>`select nextval('appeal_number_seq') as n`.execute(db);
  const first = row.rows[0];
  if (!first) {
    throw new Error("nextval returned no row");
  }
  return Number(first.n);
}

export async function insertAppeal(db: Db, values: Insertable<AppealsTable>): Promise<AppealRow> {
  return db.insertInto("appeals").values(values).returningAll().executeTakeFirstOrThrow();
}

export async function findAppeal(db: Db, tenantId: string, id: string): Promise<AppealRow | undefined> {
  return db.selectFrom("appeals").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
}

export async function findAppealForUpdate(db: Db, tenantId: string, id: string): Promise<AppealRow | undefined> {
  return db.selectFrom("appeals").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function findAppealByNumber(db: Db, tenantId: string, number: string): Promise<AppealRow | undefined> {
  return db.selectFrom("appeals").selectAll().where("tenant_id", "=", tenantId).where("number", "=", number).executeTakeFirst();
}

/** Updates an appeal and bumps its version; the caller holds the row lock. */
export async function updateAppeal(db: Db, id: string, changes: UpdateObject<DB, "appeals">): Promise<AppealRow> {
  return db
    .updateTable("appeals")
    .set((eb) => ({ ...changes, version: sql<number>`${eb.ref("version")} + 1`, updated_at: sql<Date>`now()` }))
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface NewEvent {
  tenantId: string;
  appealId: string;
  actorId: string | null;
  actorName: string | null;
  kind: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  clientMessage?: string | null;
  clientVisible: boolean;
  details?: Record<string, unknown>;
}

export async function insertEvent(db: Db, event: NewEvent): Promise<void> {
  await eventInsert(db, event).execute();
}

/** The INSERT of one event, unexecuted, so that a larger statement can embed it. */
export function eventInsert(db: Db, event: NewEvent) {
  return db
    .insertInto("appeal_events")
    .values({
      tenant_id: event.tenantId,
      appeal_id: event.appealId,
      actor_id: event.actorId,
      actor_name: event.actorName,
      kind: event.kind,
      from_status: event.fromStatus ?? null,
      to_status: event.toStatus ?? null,
      reason: event.reason ?? null,
      client_message: event.clientMessage ?? null,
      client_visible: event.clientVisible,
      details: JSON.stringify(event.details ?? {}),
    });
}

export async function listEvents(db: Db, appealId: string): Promise<AppealEventRow[]> {
  return db.selectFrom("appeal_events").selectAll().where("appeal_id", "=", appealId).orderBy("id").execute();
}
