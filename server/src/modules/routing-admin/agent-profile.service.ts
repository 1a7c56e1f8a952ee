import type { AgentProfileBody, AgentProfileDto } from "@bailanys/common/api/routing-admin";
import { isRoutedChannel } from "@bailanys/common/contacts";
import { permissionsOf } from "@bailanys/common/permissions";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError, type FieldProblem } from "../../platform/app-error.ts";
import { transact, type EventBus } from "../../realtime/event-bus.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { referenceSnapshot } from "../reference/reference.snapshot.ts";
import { dispatchAgent } from "../routing/dispatch.ts";

/** Staff who may handle contacts (by their roles), each with their routing profile or null. */
export async function listAgentProfiles(db: Db, tenantId: string): Promise<AgentProfileDto[]> {
  const [users, agents, channels, skills] = await Promise.all([
    db.selectFrom("users").select(["id", "login", "full_name", "roles", "active"]).where("tenant_id", "=", tenantId).orderBy("full_name").execute(),
    db.selectFrom("agents").selectAll().where("tenant_id", "=", tenantId).execute(),
    db.selectFrom("agent_channels").selectAll().where("tenant_id", "=", tenantId).orderBy("channel").execute(),
    db.selectFrom("agent_skills").selectAll().where("tenant_id", "=", tenantId).execute(),
  ]);
  const byUser = new Map(agents.map((a) => [a.user_id, a]));
  return users
    .filter((u) => permissionsOf(u.roles).has("contact.handle") || byUser.has(u.id))
    .map((u) => {
      const agent = byUser.get(u.id);
      return {
        userId: u.id,
        login: u.login,
        fullName: u.full_name,
        roles: u.roles,
        active: u.active,
        state: agent?.state ?? "offline",
        profile: agent
          ? {
              languages: agent.languages,
              line: agent.line,
              channels: channels.filter((c) => c.user_id === u.id).map((c) => ({ channel: c.channel, capacity: c.capacity })),
              skills: skills.filter((s) => s.user_id === u.id).map((s) => ({ topicId: s.topic_id, level: s.level })),
            }
          : null,
      };
    });
}

async function checkProfile(db: Db, tenantId: string, input: AgentProfileBody): Promise<FieldProblem[]> {
  const ref = await referenceSnapshot(db, tenantId);
  const problems: FieldProblem[] = [];
  input.languages.forEach((code, i) => {
    if (!ref.languages.get(code)?.active) {
      problems.push({ field: `languages.${i}`, code: "REFERENCE_UNKNOWN" });
    }
  });
  const seenChannels = new Set<string>();
  input.channels.forEach((c, i) => {
    if (!isRoutedChannel(c.channel) || !ref.channels.get(c.channel)?.active || seenChannels.has(c.channel)) {
      problems.push({ field: `channels.${i}.channel`, code: seenChannels.has(c.channel) ? "ALREADY_EXISTS" : "REFERENCE_UNKNOWN" });
    }
    seenChannels.add(c.channel);
  });
  const seenTopics = new Set<string>();
  input.skills.forEach((s, i) => {
    if (!ref.classifier.get(s.topicId) || seenTopics.has(s.topicId)) {
      problems.push({ field: `skills.${i}.topicId`, code: seenTopics.has(s.topicId) ? "ALREADY_EXISTS" : "REFERENCE_UNKNOWN" });
    }
    seenTopics.add(s.topicId);
  });
  return problems;
}

/**
 * Sets an operator's routing profile (languages, line, capacity per channel, skills) in one transaction. It
 * applies to the next offer; what the operator holds now stays with them.
 */
export async function saveAgentProfile(deps: { db: Db; bus: EventBus }, actor: Actor, meta: RequestMeta, userId: string, input: AgentProfileBody): Promise<AgentProfileDto> {
  const user = await deps.db.selectFrom("users").select(["id", "roles"]).where("tenant_id", "=", actor.tenantId).where("id", "=", userId).executeTakeFirst();
  if (!user) {
    throw new AppError("NOT_FOUND");
  }
  if (!permissionsOf(user.roles).has("contact.handle")) {
    throw AppError.field("userId", "FIELD_INVALID");
  }
  const problems = await checkProfile(deps.db, actor.tenantId, input);
  if (problems.length > 0) {
    throw new AppError("VALIDATION_FAILED", problems);
  }
  await transact(deps, async (trx) => {
    await trx
      .insertInto("agents")
      .values({ user_id: userId, tenant_id: actor.tenantId, languages: input.languages, line: input.line })
      .onConflict((oc) => oc.column("user_id").doUpdateSet({ languages: input.languages, line: input.line }))
      .execute();
    await trx.deleteFrom("agent_channels").where("user_id", "=", userId).execute();
    await trx.deleteFrom("agent_skills").where("user_id", "=", userId).execute();
    if (input.channels.length > 0) {
      await trx.insertInto("agent_channels").values(input.channels.map((c) => ({ tenant_id: actor.tenantId, user_id: userId, channel: c.channel, capacity: c.capacity }))).execute();
    }
    if (input.skills.length > 0) {
      await trx.insertInto("agent_skills").values(input.skills.map((s) => ({ tenant_id: actor.tenantId, user_id: userId, topic_id: s.topicId, level: s.level }))).execute();
    }
    await recordAudit(trx, actor, meta, { action: "agent_profile.update", entity: "user", entityId: userId });
    await deps.bus.publish(trx, { type: "agent.changed", tenantId: actor.tenantId, agentId: userId });
  });
  // More capacity or a new skill may fit a contact that is waiting now.
  await dispatchAgent(deps, userId);
  const saved = (await listAgentProfiles(deps.db, actor.tenantId)).find((a) => a.userId === userId);
  if (!saved) {
    throw new AppError("NOT_FOUND");
  }
  return saved;
}
