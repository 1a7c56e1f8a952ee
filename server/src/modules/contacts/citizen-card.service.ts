import type { CitizenCardDto, TimelineItem } from "@bailanys/common/api/contacts";
import { localizedName, type Locale } from "@bailanys/common/locales";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { can } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { transact, type EventBus } from "../../realtime/event-bus.ts";
import { tieContactSender } from "../citizens/citizen-identity.service.ts";
import { maskName } from "../citizens/citizen.presenter.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { referenceSnapshot } from "../reference/reference.snapshot.ts";
import { appendLog } from "./contact-log.repository.ts";
import { lockContact } from "./contact.repository.ts";
import { assertCanReadContact } from "./contact.policy.ts";

/** Items of a citizen's timeline shown at most (newest first). */
const TIMELINE_LIMIT = 50;

/**
 * The citizen card of a conversation: who the citizen is on record and the timeline of their contacts and
 * appeals on every channel. Until the operator has verified the citizen's identity in this conversation
 * (R11.1) the record shows initials only and the timeline no subjects. Every opening is audited.
 */
export async function citizenCard(db: Db, actor: Actor, meta: RequestMeta, contactId: string, locale: Locale): Promise<CitizenCardDto> {
  await assertCanReadContact(db, actor, contactId);
  const contact = await db.selectFrom("contacts").select(["id", "citizen_id", "verified_at", "verified_method"]).where("id", "=", contactId).executeTakeFirstOrThrow();
  const verified = contact.verified_at !== null;
  await recordAudit(db, actor, meta, { action: "contact.citizen_card", entity: "contact", entityId: contactId, details: { verified } });
  if (contact.citizen_id === null) {
    return { contactId, verified, verifiedMethod: contact.verified_method, citizen: null, timeline: [] };
  }
  const citizenId = contact.citizen_id;
  const [citizen, consent, ref, contacts, appeals] = await Promise.all([
    db.selectFrom("citizens").selectAll().where("id", "=", citizenId).executeTakeFirstOrThrow(),
    db.selectFrom("consents").select("given_at").where("citizen_id", "=", citizenId).where("withdrawn_at", "is", null).orderBy("given_at", "desc").executeTakeFirst(),
    referenceSnapshot(db, actor.tenantId),
    db
      .selectFrom("contacts as c")
      .leftJoin("users as u", "u.id", "c.agent_id")
      .select(["c.id", "c.arrived_at", "c.channel", "c.state", "c.outcome", "c.topic_id", "u.full_name as agent_name"])
      .where("c.citizen_id", "=", citizenId)
      .orderBy("c.arrived_at", "desc")
      .limit(TIMELINE_LIMIT)
      .execute(),
    db
      .selectFrom("appeals")
      .select(["id", "number", "registered_at", "channel_code", "status_code", "subject"])
      .where("citizen_id", "=", citizenId)
      .orderBy("registered_at", "desc")
      .limit(TIMELINE_LIMIT)
      .execute(),
  ]);
  const channel = (code: string) => {
    const row = ref.channels.get(code);
    return { code, name: row ? localizedName(row, locale) : code };
  };
  const timeline: TimelineItem[] = [
    ...contacts.map((c) => {
      const topic = c.topic_id ? ref.classifier.get(c.topic_id) : undefined;
      return {
        kind: "contact" as const,
        id: c.id,
        at: c.arrived_at.toISOString(),
        channel: channel(c.channel),
        state: c.state,
        number: null,
        title: verified && topic ? localizedName(topic, locale) : null,
        outcome: c.outcome,
        agentName: c.agent_name,
      };
    }),
    ...appeals.map((a) => {
      const status = ref.statuses.get(a.status_code);
      return {
        kind: "appeal" as const,
        id: a.id,
        at: a.registered_at.toISOString(),
        channel: channel(a.channel_code),
        state: status ? localizedName(status, locale) : a.status_code,
        number: a.number,
        title: verified ? a.subject : null,
        outcome: null,
        agentName: null,
      };
    }),
  ]
    .sort((x, y) => y.at.localeCompare(x.at))
    .slice(0, TIMELINE_LIMIT);
  const show = verified && can(actor, "citizen.read");
  return {
    contactId,
    verified,
    verifiedMethod: contact.verified_method,
    citizen: {
      id: citizen.id,
      fullName: show ? citizen.full_name : maskName(citizen.full_name),
      iin: show ? citizen.iin : null,
      phone: show ? citizen.phone : null,
      email: show ? citizen.email : null,
      address: show ? citizen.address : null,
      preferredLanguage: citizen.preferred_language,
      consentGivenAt: consent?.given_at.toISOString() ?? null,
      masked: !show,
    },
    timeline,
  };
}

/**
 * Verifies the citizen's identity in a conversation (R11.1): the ИИН they state must belong to a record whose
 * phone ends in the four digits they state. A success ties the contact, and its sender's messenger id, to that
 * record; every attempt is audited, a failure changes nothing else.
 */
export async function verifyContactCitizen(deps: { db: Db; bus: EventBus }, actor: Actor, meta: RequestMeta, contactId: string, input: { iin: string; phoneLast4: string }): Promise<void> {
  const outcome = await transact(deps, async (trx) => {
    const contact = await lockContact(trx, actor.tenantId, contactId);
    if (contact.agent_id !== actor.userId) {
      throw new AppError("NOT_YOUR_CONTACT");
    }
    const citizen = await trx.selectFrom("citizens").select(["id", "phone"]).where("tenant_id", "=", actor.tenantId).where("iin", "=", input.iin).executeTakeFirst();
    const phoneMatches = citizen?.phone !== null && citizen?.phone !== undefined && citizen.phone.endsWith(input.phoneLast4);
    if (!citizen || !phoneMatches || (contact.citizen_id !== null && contact.citizen_id !== citizen.id)) {
      return false;
    }
    await trx
      .updateTable("contacts")
      .set({ citizen_id: citizen.id, verified_at: sql<Date>`now()`, verified_by: actor.userId, verified_method: "iin_phone" })
      .where("id", "=", contact.id)
      .execute();
    const tie = await tieContactSender(trx, contact, citizen.id, actor.userId);
    await appendLog(trx, deps.bus, { id: contact.id, tenantId: contact.tenant_id }, { kind: "event", event: "verified", authorKind: "agent", authorId: actor.userId, staffOnly: true, data: { method: "iin_phone" } });
    await recordAudit(trx, actor, meta, { action: "contact.verify", entity: "contact", entityId: contact.id, details: { result: "verified", ...tie } });
    await deps.bus.publish(trx, { type: "contact.changed", tenantId: contact.tenant_id, contactId: contact.id, agentId: contact.agent_id, state: contact.state });
    return true;
  });
  if (!outcome) {
    await recordAudit(deps.db, actor, meta, { action: "contact.verify", entity: "contact", entityId: contactId, details: { result: "failed" } });
    throw new AppError("VERIFICATION_FAILED");
  }
}

/** Ties a conversation, and its sender's messenger id, to a citizen record by hand (a match the automatic one could not make); audited. */
export async function linkContactCitizen(deps: { db: Db; bus: EventBus }, actor: Actor, meta: RequestMeta, contactId: string, citizenId: string): Promise<void> {
  await transact(deps, async (trx) => {
    const contact = await lockContact(trx, actor.tenantId, contactId);
    if (contact.agent_id !== actor.userId && !can(actor, "contact.monitor")) {
      throw new AppError("NOT_YOUR_CONTACT");
    }
    const citizen = await trx.selectFrom("citizens").select("id").where("tenant_id", "=", actor.tenantId).where("id", "=", citizenId).executeTakeFirst();
    if (!citizen) {
      throw AppError.field("citizenId", "REFERENCE_UNKNOWN");
    }
    // A different record is a different person: any earlier verification no longer holds.
    await trx.updateTable("contacts").set({ citizen_id: citizen.id, verified_at: null, verified_by: null, verified_method: null }).where("id", "=", contact.id).execute();
    const tie = await tieContactSender(trx, contact, citizen.id, actor.userId);
    await appendLog(trx, deps.bus, { id: contact.id, tenantId: contact.tenant_id }, { kind: "event", event: "citizen_linked", authorKind: "agent", authorId: actor.userId, staffOnly: true, data: {} });
    await recordAudit(trx, actor, meta, { action: "contact.link_citizen", entity: "contact", entityId: contact.id, details: { citizenId, ...tie } });
    await deps.bus.publish(trx, { type: "contact.changed", tenantId: contact.tenant_id, contactId: contact.id, agentId: contact.agent_id, state: contact.state });
  });
}
