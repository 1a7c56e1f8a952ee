import { sql } from "kysely";
import type { Logger } from "pino";
import { actorForUser } from "../../modules/auth/auth.service.ts";
import { appendLog } from "../../modules/contacts/contact-log.repository.ts";
import { isLocale } from "@bailanys/common/locales";
import type { PromptLibrary } from "../prompts/prompt-library.ts";
import type { RoutingDeps } from "../../modules/routing/dispatch.ts";
import { transact } from "../../realtime/event-bus.ts";
import type { VoiceGateway } from "../gateway/voice-gateway.ts";
import type { Registrar } from "../registrar/registrar.ts";
import { storeRecording } from "./call-recording.ts";
import { OutboundTalk, PCMA } from "./outbound-talk.ts";
import type { VoiceDirectory } from "./voice-directory.ts";

const OPERATOR_RING_SECONDS = 20;
const CITIZEN_RING_SECONDS = 40;

interface Claimed {
  id: string;
  tenant_id: string;
  contact_id: string;
  agent_id: string;
  phone: string;
}

export interface OutboundContext {
  deps: RoutingDeps;
  gateway: VoiceGateway;
  registrar: Registrar;
  directory: VoiceDirectory;
  prompts: PromptLibrary;
  log: Logger;
  /** Seconds of hold music between two "please stay on the line" prompts. */
  holdPromptSeconds: number;
  /** A talking call registers for its contact's changes in the operator's window (hold, resume, end, transfer) and its offers. */
  track(contactId: string, talk: OutboundTalk): void;
  untrack(contactId: string): void;
}

/**
 * Places the outbound calls operators asked for (`voice_outbound_calls`): claims a requested row (SKIP LOCKED, so
 * one voice process takes it), rings the operator's phone, and once they answer calls the citizen through the
 * tenant's trunk and bridges the two. A failure on either side is written on the row and in the contact's log;
 * the end of the talk ends the contact into the operator's wrap-up. While they talk, hold (from the window or the
 * operator's phone) plays the citizen the hold music, and ending the contact in the window hangs up.
 */
export async function placeRequestedCalls(ctx: OutboundContext): Promise<number> {
  let placed = 0;
  for (;;) {
    const claimed = await claimOne(ctx);
    if (claimed === null) {
      return placed;
    }
    placed += 1;
    void placeCall(ctx, claimed).catch((error: unknown) => ctx.log.error({ err: error }, "an outbound call failed"));
  }
}

async function claimOne(ctx: OutboundContext): Promise<Claimed | null> {
  const { rows } = await sql<Claimed>`
    update voice_outbound_calls set state = 'ringing_operator'
    where id = (select id from voice_outbound_calls where state = 'requested' order by created_at limit 1 for update skip locked)
    returning id, tenant_id, contact_id, agent_id, phone`.execute(ctx.deps.db);
  return rows[0] ?? null;
}

async function settle(ctx: OutboundContext, call: Claimed, state: "ringing_citizen" | "connected" | "ended" | "failed", failure: string | null = null): Promise<void> {
  await transact(ctx.deps, async (trx) => {
    await trx
      .updateTable("voice_outbound_calls")
      .set({
        state,
        failure,
        ...(state === "connected" ? { connected_at: sql<Date>`now()` } : {}),
        ...(state === "ended" || state === "failed" ? { ended_at: sql<Date>`now()` } : {}),
      })
      .where("id", "=", call.id)
      .execute();
    if (state === "failed") {
      await appendLog(trx, ctx.deps.bus, { id: call.contact_id, tenantId: call.tenant_id }, { kind: "event", event: "outbound_failed", authorKind: "system", staffOnly: true, data: { failure } });
    }
  });
}

async function placeCall(ctx: OutboundContext, call: Claimed): Promise<void> {
  const { gateway, registrar, directory, deps } = ctx;
  const extension = directory.extensionOf(call.agent_id);
  const binding = extension === null ? undefined : (await registrar.reachable(extension))[0];
  const trunk = directory.outboundTrunkOf(call.tenant_id);
  if (!binding || trunk === null) {
    await settle(ctx, call, "failed", binding ? "no_trunk" : "operator_phone_not_registered");
    return;
  }
  const talk = new OutboundTalk(ctx, call.contact_id, call.tenant_id);
  const operator = await gateway.placeLeg(
    { target: binding.contact, destination: binding.source, ringSeconds: OPERATOR_RING_SECONDS, audio: PCMA },
    { hungUp: () => talk.finish() },
  );
  if (!("media" in operator) || operator.media === null) {
    await settle(ctx, call, "failed", `operator_${"status" in operator ? operator.status : "no_media"}`);
    return;
  }
  talk.operatorAnswered(operator, await actorForUser(deps.db, call.tenant_id, call.agent_id));
  await settle(ctx, call, "ringing_citizen");
  const digits = call.phone.replace(/^\+/, "");
  const citizen = await gateway.placeLeg(
    { target: `sip:${digits}@${trunk.address}:${trunk.port}`, destination: trunk, ringSeconds: CITIZEN_RING_SECONDS, audio: PCMA, from: directory.numberOf(call.tenant_id) ?? "bailanys" },
    {
      // Known while it rings, so that an operator who hangs up meanwhile cancels the citizen's ringing phone.
      started: (leg) => talk.citizenRinging(leg),
      hungUp: () => talk.finish(),
    },
  );
  if (!("media" in citizen) || citizen.media === null) {
    talk.finish();
    await settle(ctx, call, "failed", `citizen_${"status" in citizen ? citizen.status : "no_media"}`);
    return;
  }
  const citizenMedia = citizen.media;
  const contact = await deps.db.selectFrom("contacts").select("locale").where("id", "=", call.contact_id).executeTakeFirst();
  talk.citizenAnswered(citizen, isLocale(contact?.locale) ? contact.locale : "ru");
  ctx.track(call.contact_id, talk);
  await settle(ctx, call, "connected");
  const row = await deps.db
    .insertInto("voice_calls")
    .values({ tenant_id: call.tenant_id, contact_id: call.contact_id, sip_call_id: citizen.id, caller_number: extension, dialled_number: digits })
    .returning("id")
    .executeTakeFirstOrThrow();
  await talk.over;
  const voice = directory.tenant(call.tenant_id);
  // Asked for at once: the media thread keeps a closed leg's recording only for a while.
  const recording = voice?.recordCalls ? citizenMedia.recording() : null;
  ctx.untrack(call.contact_id);
  await settle(ctx, call, "ended");
  await deps.db.updateTable("voice_calls").set({ ended_at: sql<Date>`now()`, ended_by: "gateway" }).where("id", "=", row.id).execute();
  if (voice && recording) {
    // The citizen's side is the one the citizen's leg received; its recorder hears both directions.
    await storeRecording(deps.db, { tenantId: call.tenant_id, callId: row.id, wav: await recording, retentionDays: voice.recordingRetentionDays });
  }
  await talk.endContact();
}
