import { MIN_NOTICE_INTERVAL_SECONDS, type IvrMenuDto, type VoiceSettingsBody, type VoiceSettingsDto } from "@bailanys/common/api/voice-admin";
import type { Locale } from "@bailanys/common/locales";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { Actor, RequestMeta } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import { transact, type EventBus } from "../../realtime/event-bus.ts";
import { menuProblems, type IvrMenu } from "../../voice/ivr/ivr-menu.ts";
import { KB_PROMPT } from "@bailanys/common/api/kb";
import { announcementProblems } from "../../voice/ivr/queue-announcer.ts";
import { recordAudit } from "../audit/audit.service.ts";

/** A tenant that has not set up its voice menu yet: one choice of language, then the general queue. */
const STARTER_MENU: IvrMenu = {
  start: "language",
  defaultLocale: "kk",
  spokenInEveryLanguage: ["choose_language"],
  nodes: {
    language: { kind: "language", prompt: "choose_language", choices: { "1": "kk", "2": "ru" }, next: "operator", timeoutSeconds: 5, retries: 1 },
    operator: { kind: "queue", prompt: null, queue: "general", topic: null },
  },
  prompts: { choose_language: { kk: "Қазақ тілі үшін бірді басыңыз.", ru: "Для русского языка нажмите два." } },
};

const LOCALES = new Set<string>(["kk", "ru", "en"]);
/** The default calling hours (R13.5): Monday to Friday, 09:00–18:00. */
const WORKING_WEEK: Record<string, [string, string] | null> = { "1": ["09:00", "18:00"], "2": ["09:00", "18:00"], "3": ["09:00", "18:00"], "4": ["09:00", "18:00"], "5": ["09:00", "18:00"], "6": null, "7": null };

/** The runtime menu of what the administration sent, and the nodes that lack a field their kind needs. */
function toIvrMenu(dto: IvrMenuDto): { menu: IvrMenu; incomplete: string[] } {
  const incomplete: string[] = [];
  const nodes: IvrMenu["nodes"] = {};
  for (const [id, n] of Object.entries(dto.nodes)) {
    const { choices = {}, next, onFailure, timeoutSeconds = 5, retries = 1, queue = "", topic = null } = n;
    if (n.kind === "language" && n.prompt !== null && next !== undefined && Object.values(choices).every((l) => LOCALES.has(l))) {
      nodes[id] = { kind: "language", prompt: n.prompt, choices: choices as Record<string, Locale>, next, timeoutSeconds, retries };
    } else if (n.kind === "menu" && n.prompt !== null && onFailure !== undefined) {
      nodes[id] = { kind: "menu", prompt: n.prompt, choices, onFailure, timeoutSeconds, retries };
    } else if (n.kind === "info" && n.prompt !== null && next !== undefined) {
      nodes[id] = { kind: "info", prompt: n.prompt, next };
    } else if (n.kind === "queue") {
      nodes[id] = { kind: "queue", prompt: n.prompt, queue, topic };
    } else if (n.kind === "hangup") {
      nodes[id] = { kind: "hangup", prompt: n.prompt };
    } else {
      incomplete.push(id);
    }
  }
  return { menu: { start: dto.start, defaultLocale: dto.defaultLocale, nodes, prompts: dto.prompts, spokenInEveryLanguage: dto.spokenInEveryLanguage }, incomplete };
}

/** The tenant's voice settings as the administration edits them (defaults until first saved). */
export async function readVoiceSettings(db: Db, tenantId: string): Promise<VoiceSettingsDto> {
  const [settings, numbers, trunks] = await Promise.all([
    db.selectFrom("voice_settings").selectAll().where("tenant_id", "=", tenantId).executeTakeFirst(),
    db.selectFrom("voice_entry_points").select("number").where("tenant_id", "=", tenantId).orderBy("number").execute(),
    db.selectFrom("voice_trunks").select(["name", "allowed_sources", "active"]).where("tenant_id", "=", tenantId).orderBy("name").execute(),
  ]);
  return {
    menu: ((settings?.menu as IvrMenu | undefined) ?? STARTER_MENU) as IvrMenuDto,
    noticeIntervalSeconds: settings?.notice_interval_seconds ?? MIN_NOTICE_INTERVAL_SECONDS,
    waitingFree: settings?.waiting_free ?? true,
    shortAbandonSeconds: settings?.short_abandon_seconds ?? 5,
    recordCalls: settings?.record_calls ?? true,
    recordingRetentionDays: settings?.recording_retention_days ?? 365,
    numbers: numbers.map((n) => n.number),
    trunks: trunks.map((t) => ({ name: t.name, allowedSources: t.allowed_sources, active: t.active })),
    outboundTrunk: settings?.outbound_trunk ?? null,
    outboundHours: settings?.outbound_hours ?? WORKING_WEEK,
    agreedSchedule: [settings?.agreed_schedule[0] ?? "08:00", settings?.agreed_schedule[1] ?? "22:00"],
  };
}

/** Nodes that read an article of the knowledge base (R12.3) that is not published for citizens. */
async function knowledgeProblems(db: Db, tenantId: string, menu: IvrMenu): Promise<{ node: string; problem: string }[]> {
  const reads = Object.entries(menu.nodes).flatMap(([node, n]) => {
    const code = n.prompt === null ? undefined : KB_PROMPT.exec(n.prompt)?.[1];
    return code === undefined ? [] : [{ node, code }];
  });
  if (reads.length === 0) {
    return [];
  }
  const published = await db
    .selectFrom("kb_documents as d")
    .innerJoin("kb_articles as a", "a.id", "d.article_id")
    .select("a.code")
    .where("d.tenant_id", "=", tenantId)
    .where("d.audience", "=", "public")
    .where("a.code", "in", reads.map((r) => r.code))
    .execute();
  const codes = new Set(published.map((row) => row.code));
  return reads.filter((r) => !codes.has(r.code)).map((r) => ({ node: r.node, problem: "kb_unpublished" }));
}

/**
 * Saves the menu, the waiting rules, the numbers and the trunks in one transaction; the voice processes reload
 * them at once. The notice interval under a minute (R12.2), a menu that cannot run, and a number another tenant
 * answers are refused with the field at fault.
 */
export async function saveVoiceSettings(deps: { db: Db; bus: EventBus }, actor: Actor, meta: RequestMeta, body: VoiceSettingsBody): Promise<VoiceSettingsDto> {
  if (announcementProblems(body).length > 0) {
    throw AppError.field("noticeIntervalSeconds", "NOTICE_INTERVAL_TOO_SHORT");
  }
  const { menu, incomplete } = toIvrMenu(body.menu);
  const problems = [...incomplete.map((node) => ({ node, problem: "incomplete" })), ...menuProblems(menu), ...(await knowledgeProblems(deps.db, actor.tenantId, menu))];
  if (problems.length > 0) {
    throw new AppError(
      "VALIDATION_FAILED",
      problems.map((p) => ({ field: p.problem === "no_start" ? "menu.start" : `menu.nodes.${p.node}`, code: "IVR_MENU_INVALID" as const })),
    );
  }
  const names = body.trunks.map((t) => t.name);
  if (new Set(names).size !== names.length) {
    throw AppError.field("trunks", "FIELD_INVALID");
  }
  await transact(deps, async (trx) => {
    const taken = body.numbers.length === 0 ? [] : await trx.selectFrom("voice_entry_points").select("number").where("number", "in", body.numbers).where("tenant_id", "<>", actor.tenantId).execute();
    if (taken.length > 0) {
      throw AppError.field("numbers", "VOICE_NUMBER_TAKEN");
    }
    const values = {
      menu: JSON.stringify(menu),
      notice_interval_seconds: body.noticeIntervalSeconds,
      waiting_free: body.waitingFree,
      short_abandon_seconds: body.shortAbandonSeconds,
      record_calls: body.recordCalls,
      recording_retention_days: body.recordingRetentionDays,
      outbound_trunk: body.outboundTrunk,
      outbound_hours: JSON.stringify(body.outboundHours),
      agreed_schedule: [...body.agreedSchedule],
    };
    await trx
      .insertInto("voice_settings")
      .values({ tenant_id: actor.tenantId, ...values })
      .onConflict((oc) => oc.column("tenant_id").doUpdateSet({ ...values, updated_at: sql<Date>`now()` }))
      .execute();
    await trx.deleteFrom("voice_entry_points").where("tenant_id", "=", actor.tenantId).execute();
    if (body.numbers.length > 0) {
      await trx.insertInto("voice_entry_points").values([...new Set(body.numbers)].map((number) => ({ number, tenant_id: actor.tenantId }))).execute();
    }
    await trx.deleteFrom("voice_trunks").where("tenant_id", "=", actor.tenantId).execute();
    if (body.trunks.length > 0) {
      await trx.insertInto("voice_trunks").values(body.trunks.map((t) => ({ tenant_id: actor.tenantId, name: t.name, allowed_sources: t.allowedSources, active: t.active }))).execute();
    }
    await recordAudit(trx, actor, meta, { action: "voice.settings.update", details: { numbers: body.numbers.length, trunks: body.trunks.length, nodes: Object.keys(body.menu.nodes).length } });
    await deps.bus.publish(trx, { type: "tenant.changed", tenantId: actor.tenantId, what: "voice" });
  });
  return readVoiceSettings(deps.db, actor.tenantId);
}
