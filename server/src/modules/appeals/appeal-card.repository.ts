import type { Selectable } from "kysely";
import type { Db } from "../../db/database.ts";
import type { AppealAttachmentsTable, AppealExtensionsTable, AppealForwardsTable, CitizensTable } from "../../db/schema.ts";
import { listEvents, type AppealEventRow, type AppealRow } from "./appeal.repository.ts";

export interface CardRelations {
  citizen: Selectable<CitizensTable> | null;
  consent: { given_at: Date; source: string } | null;
  assigneeName: string | null;
  events: AppealEventRow[];
  forwards: (Selectable<AppealForwardsTable> & { child_id: string | null; child_number: string | null; child_status: string | null })[];
  extensions: (Selectable<AppealExtensionsTable> & { approver_name: string | null })[];
  attachments: Omit<Selectable<AppealAttachmentsTable>, "content">[];
  parent: { id: string; number: string } | null;
  duplicateOf: { id: string; number: string } | null;
}

async function appealRef(db: Db, tenantId: string, id: string | null): Promise<{ id: string; number: string } | null> {
  if (id === null) {
    return null;
  }
  const row = await db.selectFrom("appeals").select(["id", "number"]).where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row ?? null;
}

/** Everything the appeal card shows besides the appeal row itself. */
export async function loadCardRelations(db: Db, appeal: AppealRow): Promise<CardRelations> {
  const tenantId = appeal.tenant_id;
  const [citizen, consent, assignee, events, forwards, extensions, attachments, parent, duplicateOf] = await Promise.all([
    appeal.citizen_id
      ? db.selectFrom("citizens").selectAll().where("tenant_id", "=", tenantId).where("id", "=", appeal.citizen_id).executeTakeFirst()
      : Promise.resolve(undefined),
    appeal.citizen_id
      ? db
          .selectFrom("consents")
          .select(["given_at", "source"])
          .where("tenant_id", "=", tenantId)
          .where("citizen_id", "=", appeal.citizen_id)
          .where("withdrawn_at", "is", null)
          .orderBy("given_at", "desc")
          .limit(1)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    appeal.assignee_id
      ? db.selectFrom("users").select("full_name").where("tenant_id", "=", tenantId).where("id", "=", appeal.assignee_id).executeTakeFirst()
      : Promise.resolve(undefined),
    listEvents(db, appeal.id),
    db
      .selectFrom("appeal_forwards as f")
      .leftJoin("appeals as c", "c.id", "f.child_appeal_id")
      .selectAll("f")
      .select(["c.id as child_id", "c.number as child_number", "c.status_code as child_status"])
      .where("f.tenant_id", "=", tenantId)
      .where("f.appeal_id", "=", appeal.id)
      .orderBy("f.forwarded_at")
      .execute(),
    db
      .selectFrom("appeal_extensions as e")
      .leftJoin("users as u", "u.id", "e.approved_by")
      .selectAll("e")
      .select("u.full_name as approver_name")
      .where("e.tenant_id", "=", tenantId)
      .where("e.appeal_id", "=", appeal.id)
      .orderBy("e.approved_at")
      .execute(),
    db
      .selectFrom("appeal_attachments")
      .select(["id", "tenant_id", "appeal_id", "file_name", "content_type", "size_bytes", "sha256", "uploaded_by", "uploaded_at"])
      .where("tenant_id", "=", tenantId)
      .where("appeal_id", "=", appeal.id)
      .orderBy("uploaded_at")
      .execute(),
    appealRef(db, tenantId, appeal.parent_id),
    appealRef(db, tenantId, appeal.duplicate_of),
  ]);
  return {
    citizen: citizen ?? null,
    consent: consent ? { given_at: new Date(consent.given_at), source: consent.source } : null,
    assigneeName: assignee?.full_name ?? null,
    events,
    forwards,
    extensions,
    attachments,
    parent,
    duplicateOf,
  };
}
