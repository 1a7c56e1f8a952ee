import type { RoutingDeps } from "../../modules/routing/dispatch.ts";
import type { DroppedAudio } from "../gateway/voice-gateway.ts";

/**
 * The calls a media thread's death cut, per tenant: inbound calls by the number they dialled, outbound calls by
 * their contact's tenant (their operator's and citizen's legs are one call).
 */
export function callsCutPerTenant(dropped: DroppedAudio, tenantForNumber: (number: string) => string | null, outboundTenants: string[]): Map<string, number> {
  const cut = new Map<string, number>();
  for (const tenantId of [...dropped.inboundDialled.map(tenantForNumber), ...outboundTenants]) {
    if (tenantId !== null) {
      cut.set(tenantId, (cut.get(tenantId) ?? 0) + 1);
    }
  }
  return cut;
}

/**
 * Records on each tenant's board that its calls were cut (supervisors see why several calls ended at once, and
 * that callers may ring back), in one transaction with the board's refresh.
 */
export async function recordMediaLoss(deps: RoutingDeps, cut: Map<string, number>): Promise<void> {
  if (cut.size === 0) {
    return;
  }
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("voice_incidents")
      .values([...cut].map(([tenantId, calls]) => ({ tenant_id: tenantId, kind: "media_lost" as const, calls_cut: calls })))
      .execute();
    for (const tenantId of cut.keys()) {
      await deps.bus.publish(trx, { type: "voice.incident", tenantId });
    }
  });
}
