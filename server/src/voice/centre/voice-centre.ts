import type { Logger } from "pino";
import type { RoutingDeps } from "../../modules/routing/dispatch.ts";
import { VoiceGateway } from "../gateway/voice-gateway.ts";
import { PromptLibrary } from "../prompts/prompt-library.ts";
import { DigestAuthority } from "../registrar/digest.ts";
import { Registrar } from "../registrar/registrar.ts";
import type { SipEndpoint } from "../sip/message.ts";
import { CallSession } from "./call-session.ts";
import { placeRequestedCalls } from "./outbound-calls.ts";
import { VoiceDirectory } from "./voice-directory.ts";

export interface VoiceCentreOptions {
  host: string;
  sipPort: number;
  rtpPorts: { first: number; last: number };
  /** The digest realm operators' phones authenticate in (their HA1 was made with it). */
  realm: string;
  log: Logger;
  prompts?: PromptLibrary;
  statusRefreshMs?: number;
}

/**
 * The `voice` role: the SIP gateway answering the tenants' numbers, the registrar of operators' phones, and one
 * `CallSession` per call. Sessions hear of offers and of changes made in the operator's window over the bus;
 * a poll every few seconds catches what the bus may have lost. A change of a tenant's voice settings reloads
 * the directory at once (and the directory reloads itself every few seconds anyway).
 */
export class VoiceCentre {
  private readonly sessions = new Map<string, CallSession>();
  private unsubscribe: (() => void) | null = null;
  private poll: NodeJS.Timeout | null = null;

  private constructor(
    readonly gateway: VoiceGateway,
    readonly directory: VoiceDirectory,
    readonly registrar: Registrar,
  ) {}

  static async start(deps: RoutingDeps, options: VoiceCentreOptions): Promise<VoiceCentre> {
    const directory = await VoiceDirectory.open(deps.db);
    const registrar = new Registrar(new DigestAuthority(options.realm), { ha1For: (user) => directory.ha1For(user, options.realm) });
    const prompts = options.prompts ?? new PromptLibrary();
    const centreRef: { centre: VoiceCentre | null } = { centre: null };
    const gateway = await VoiceGateway.start({
      host: options.host,
      sipPort: options.sipPort,
      rtpPorts: options.rtpPorts,
      registrar,
      admit: (request, source: SipEndpoint) => {
        const number = /^sips?:([^@;]+)@/.exec(request.uri)?.[1] ?? "";
        const tenant = directory.tenantForNumber(number);
        if (tenant === null) {
          return { status: 404, reason: "Not Found" };
        }
        return directory.admits(tenant, source.address) ? null : { status: 403, reason: "Forbidden" };
      },
      onCall: (call) => {
        const tenant = directory.tenantForNumber(call.dialled);
        if (tenant === null) {
          call.hangUp();
          return;
        }
        const session = new CallSession(
          {
            deps,
            gateway,
            registrar,
            directory,
            prompts,
            log: options.log,
            statusRefreshMs: options.statusRefreshMs ?? 5_000,
            track: (contactId, s) => centreRef.centre?.sessions.set(contactId, s),
            untrack: (contactId) => centreRef.centre?.sessions.delete(contactId),
          },
          call,
          tenant,
        );
        session.run().catch((error: unknown) => {
          options.log.error({ err: error }, "a call failed");
          call.hangUp();
        });
      },
    });
    const centre = new VoiceCentre(gateway, directory, registrar);
    centreRef.centre = centre;
    const outbound = { deps, gateway, registrar, directory, log: options.log };
    centre.unsubscribe = deps.bus.subscribe((event) => {
      if (event.type === "agent.offer") {
        void centre.sessions.get(event.contactId)?.offered(event.offerId, event.agentId).catch((error: unknown) => options.log.error({ err: error }, "an offer could not ring"));
      } else if (event.type === "contact.changed") {
        centre.sessions.get(event.contactId)?.contactChanged(event.state);
      } else if (event.type === "voice.dial") {
        void placeRequestedCalls(outbound).catch((error: unknown) => options.log.error({ err: error }, "outbound calls could not be placed"));
      } else if (event.type === "tenant.changed" && event.what === "voice") {
        void directory.reload().catch((error: unknown) => options.log.error({ err: error }, "the voice directory could not be reloaded"));
      }
    });
    centre.poll = setInterval(() => {
      for (const session of centre.sessions.values()) {
        void session.pickUpPendingOffer().catch(() => undefined);
      }
      void placeRequestedCalls(outbound).catch(() => undefined);
    }, 3_000);
    options.log.info({ sip: `${gateway.local.address}:${gateway.local.port}` }, "voice gateway listening (SIP over UDP)");
    return centre;
  }

  get activeCalls(): number {
    return this.gateway.activeCalls;
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    if (this.poll !== null) {
      clearInterval(this.poll);
    }
    this.directory.close();
    await this.gateway.stop();
  }
}
