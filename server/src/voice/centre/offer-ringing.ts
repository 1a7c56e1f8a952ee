import { sql } from "kysely";
import type { Logger } from "pino";
import { actorForUser } from "../../modules/auth/auth.service.ts";
import { acceptOffer, declineOffer, missOffer } from "../../modules/contacts/contact-offer.service.ts";
import type { RoutingDeps } from "../../modules/routing/dispatch.ts";
import type { Actor } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import type { LegFailure, OutboundLeg } from "../gateway/outbound-leg.ts";
import type { SipEndpoint } from "../sip/message.ts";
import type { Registrar } from "../registrar/registrar.ts";
import type { VoiceDirectory } from "./voice-directory.ts";

/** Final statuses of a call to an operator's phone that mean "busy or refused", not "nobody answered". */
const REFUSED = new Set([486, 600, 603]);

export interface OfferRingContext {
  deps: RoutingDeps;
  directory: VoiceDirectory;
  registrar: Registrar;
  log: Logger;
}

/** The operator's registered phone, rung for `ringSeconds`. */
export interface OperatorPhone {
  target: string;
  destination: SipEndpoint;
  ringSeconds: number;
}

export interface RingingCall {
  /** Rings the phone and bridges it to the citizen when it answers. */
  dial(phone: OperatorPhone): Promise<OutboundLeg | LegFailure>;
  /** The citizen hung up: a failed ring then settles nothing (the contact ends anyway). */
  over(): boolean;
  /** Names the acceptance in the audit (the call's SIP Call-ID). */
  requestId: string;
  /** Before the phone rings (an inbound call counts its operator attempts). */
  ringing?(): Promise<void>;
}

/**
 * An offer made to an operator, for a citizen on the phone: the operator's registered phone rings for what is left
 * of the offer's time, and answering it accepts the offer. Busy declines the offer, no answer misses it, and an
 * operator without a registered phone misses it at once, so the citizen does not wait on it. Returns the answered
 * leg and the operator who took the call; null when nobody did (the routing engine offers the call on).
 */
export async function ringOffer(
  ctx: OfferRingContext,
  offer: { id: string; agentId: string; contactId: string; tenantId: string },
  call: RingingCall,
): Promise<{ leg: OutboundLeg; actor: Actor } | null> {
  const { deps, directory, registrar } = ctx;
  const pending = await deps.db
    .selectFrom("contact_offers")
    .select([sql<number>`extract(epoch from expires_at - now())`.as("left")])
    .where("id", "=", offer.id)
    .where("state", "=", "pending")
    .executeTakeFirst();
  const actor = await actorForUser(deps.db, offer.tenantId, offer.agentId);
  if (!pending || !actor) {
    return null;
  }
  const extension = directory.extensionOf(offer.agentId);
  const binding = extension === null ? undefined : (await registrar.reachable(extension))[0];
  if (!binding) {
    ctx.log.info({ agentId: offer.agentId }, "operator has no registered phone; the call goes to the next operator");
    await missOffer(deps, offer.id, offer.contactId, { onlyExpired: false });
    return null;
  }
  await call.ringing?.();
  const result = await call.dial({ target: binding.contact, destination: binding.source, ringSeconds: Math.max(1, Math.floor(Number(pending.left)) - 1) });
  if ("status" in result) {
    if (!call.over()) {
      await (REFUSED.has(result.status) ? declineOffer(deps, actor, offer.id) : missOffer(deps, offer.id, offer.contactId, { onlyExpired: false })).catch(() => undefined);
    }
    return null;
  }
  try {
    await acceptOffer(deps, actor, { ip: binding.source.address, userAgent: "sip-phone", requestId: call.requestId }, offer.id);
  } catch (error) {
    // The offer was settled meanwhile (the citizen left, or it timed out a moment before the answer).
    ctx.log.info({ err: error instanceof AppError ? error.code : error }, "an operator answered an offer no longer pending");
    result.hangUp();
    return null;
  }
  return { leg: result, actor };
}
