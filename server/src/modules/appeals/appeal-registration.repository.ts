import { sql, type Insertable, type Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { AppealsTable, CitizensTable } from "../../db/schema.ts";
import { auditInsert, type NewAuditEntry } from "../audit/audit.repository.ts";
import { citizenUpsert, consentInsert, type CleanCitizen } from "../citizens/citizen.service.ts";
import { citizenNotificationInsert, type CitizenNotification } from "../notifications/outbox.service.ts";
import { timersInsert, type NewTimer } from "../timers/timer.repository.ts";
import { eventInsert, type AppealRow, type NewEvent } from "./appeal.repository.ts";

export type CitizenRow = Selectable<CitizensTable>;
const NEXT_NUMBER = sql<number>`nextval('appeal_number_seq')`;

/**
 * The applicant's record, created or refreshed, and the next registration number — one round trip, since both
 * are needed before the appeal row can be written.
 */
export async function applicantAndNumber(
  trx: Db,
  tenantId: string,
  applicant: { existingId: string } | { input: CleanCitizen },
): Promise<{ citizen: CitizenRow; created: boolean; sequence: number }> {
  if ("existingId" in applicant) {
    const row = await trx
      .selectFrom("citizens")
      .selectAll()
      .select(NEXT_NUMBER.as("seq"))
      .where("tenant_id", "=", tenantId)
      .where("id", "=", applicant.existingId)
      .executeTakeFirstOrThrow();
    const { seq, ...citizen } = row;
    return { citizen, created: false, sequence: Number(seq) };
  }
  const row = await citizenUpsert(trx, tenantId, applicant.input)
    .returningAll()
    .returning([sql<boolean>`xmax = 0`.as("inserted"), NEXT_NUMBER.as("seq")])
    .executeTakeFirstOrThrow();
  const { seq, inserted, ...citizen } = row;
  return { citizen, created: inserted, sequence: Number(seq) };
}

export interface RegistrationWrite {
  appeal: Insertable<AppealsTable> & { id: string };
  event: NewEvent;
  timers: NewTimer[];
  notification: CitizenNotification;
  audit: NewAuditEntry[];
  consent: { citizenId: string; givenAt: Date; source: string; recordedBy: string | null } | null;
}

/**
 * Writes the appeal with its first event, timers, receipt notification, consent and audit rows as ONE statement
 * (data-modifying CTEs): registration is the hottest write of the platform and every round trip inside the
 * transaction counts at 16 concurrent clients.
 */
export async function writeRegistration(trx: Db, w: RegistrationWrite): Promise<AppealRow> {
  const appeal = trx.insertInto("appeals").values(w.appeal).returningAll();
  const parts = [
    sql`e as (${eventInsert(trx, w.event)})`,
    sql`o as (${citizenNotificationInsert(trx, w.notification)})`,
    sql`l as (${auditInsert(trx, w.audit)})`,
  ];
  if (w.timers.length > 0) {
    parts.push(sql`t as (${timersInsert(trx, w.timers)})`);
  }
  if (w.consent) {
    parts.push(sql`c as (${consentInsert(trx, w.appeal.tenant_id, w.consent.citizenId, w.consent, w.consent.recordedBy)})`);
  }
  const result = await sql<AppealRow>`with a as (${appeal}), ${sql.join(parts)} select * from a`.execute(trx);
  const row = result.rows[0];
  if (!row) {
    throw new Error("appeal insert returned no row");
  }
  return row;
}
