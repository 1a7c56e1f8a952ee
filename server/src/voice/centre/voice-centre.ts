import type { Logger } from "pino";
import type { RoutingDeps } from "../../modules/routing/dispatch.ts";
import { VoiceGateway } from "../gateway/voice-gateway.ts";
import { PromptLibrary } from "../prompts/prompt-library.ts";
import { DigestAuthority } from "../registrar/digest.ts";
import { Registrar } from "../registrar/registrar.ts";
import { DbRegistrationStore } from "../registrar/registration-store.ts";
import type { SipEndpoint } from "../sip/message.ts";
import { chatStatuses } from "../../modules/chat/chat-status.service.ts";
import { markCitizensSeen } from "../../modules/contacts/contact-conversation.service.ts";
import { CallSession } from "./call-session.ts";
import { standardPromptKeys, standardPromptText } from "../prompts/standard-prompts.ts";
import { MAX_SPOKEN } from "../ivr/queue-announcer.ts";
import { menuLocales } from "../ivr/ivr-menu.ts";
import type { OutboundTalk } from "./outbound-talk.ts";
import { placeRequestedCalls } from "./outbound-calls.ts";
import { VoiceDirectory } from "./voice-directory.ts";
import { callsCutPerTenant, recordMediaLoss } from "./voice-incidents.ts";

export interface VoiceCentreOptions {
  host: string;
  sipPort: number;
  rtpPorts: { first: number; last: number };
  /** The digest realm operators' phones authenticate in (their HA1 was made with it). */
  realm: string;
  log: Logger;
  prompts?: PromptLibrary;
  statusRefreshMs?: number;
  /** Seconds of hold music between two "please stay on the line" prompts (30 by default). */
  holdPromptSeconds?: number;
}

/**
 * The `voice` role: the SIP gateway answering the tenants' numbers, the registrar of operators' phones, and one
 * `CallSession` per call. Sessions hear of offers and of changes made in the operator's window over the bus;
 * a poll every few seconds catches what the bus may have lost. A change of a tenant's voice settings reloads
 * the directory at once (and the directory reloads itself every few seconds anyway).
 */
export class VoiceCentre {
  private readonly sessions = new Map<string, CallSession>();
  /** Outbound calls talking, by contact: they hear of hold, resume, end and transfer in the operator's window, and of offers after a transfer. */
  private readonly outboundCalls = new Map<string, OutboundTalk>();
  private unsubscribe: (() => void) | null = null;
  private poll: NodeJS.Timeout | null = null;
  private refresh: NodeJS.Timeout | null = null;
  /** Settles when every tenant's prompts are rendered (calls before that wait for the ones they need). */
  warmed: Promise<void> = Promise.resolve();

  private constructor(
    readonly gateway: VoiceGateway,
    readonly directory: VoiceDirectory,
    readonly registrar: Registrar,
  ) {}

  static async start(deps: RoutingDeps, options: VoiceCentreOptions): Promise<VoiceCentre> {
    const directory = await VoiceDirectory.open(deps.db);
    const registrar = new Registrar(new DigestAuthority(options.realm), {
      ha1For: (user) => directory.ha1For(user, options.realm),
      // Phones registered here over UDP can be rung from every voice process.
      store: new DbRegistrationStore(deps.db),
      onStoreError: (error) => options.log.warn({ err: error }, "a phone's registration could not be shared"),
    });
    const prompts = options.prompts ?? new PromptLibrary();
    const centreRef: { centre: VoiceCentre | null } = { centre: null };
    // What every call of this process, inbound or outbound, works with.
    const shared = { deps, registrar, directory, prompts, log: options.log, holdPromptSeconds: options.holdPromptSeconds ?? 30 };
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
            ...shared,
            gateway,
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
      onMediaLost: (error, dropped) => {
        const outbound = [...(centreRef.centre?.outboundCalls.values() ?? [])].map((talk) => talk.tenantId);
        const cut = callsCutPerTenant(dropped, (number) => directory.tenantForNumber(number)?.tenantId ?? null, outbound);
        options.log.error({ err: error, calls: dropped.inboundDialled.length + outbound.length, legs: dropped.legs }, "the media thread died: its calls are hung up and a new thread is starting");
        recordMediaLoss(deps, cut).catch((failure: unknown) => options.log.error({ err: failure }, "the cut calls could not be put on the board"));
      },
    });
    if (gateway.media.priorityRefused !== null) {
      options.log.warn({ reason: gateway.media.priorityRefused }, "the media thread runs at normal priority (give the process CAP_SYS_NICE for steadier audio under load)");
    }
    const centre = new VoiceCentre(gateway, directory, registrar);
    centreRef.centre = centre;
    const outbound = {
      ...shared,
      gateway,
      track: (contactId: string, talk: OutboundTalk) => centre.outboundCalls.set(contactId, talk),
      untrack: (contactId: string) => centre.outboundCalls.delete(contactId),
    };
    centre.unsubscribe = deps.bus.subscribe((event) => {
      if (event.type === "agent.offer") {
        const ringing = centre.sessions.get(event.contactId) ?? centre.outboundCalls.get(event.contactId);
        void ringing?.offered(event.offerId, event.agentId).catch((error: unknown) => options.log.error({ err: error }, "an offer could not ring"));
      } else if (event.type === "contact.changed") {
        centre.sessions.get(event.contactId)?.contactChanged(event.state);
        centre.outboundCalls.get(event.contactId)?.contactChanged(event.state);
      } else if (event.type === "voice.dial") {
        void placeRequestedCalls(outbound).catch((error: unknown) => options.log.error({ err: error }, "outbound calls could not be placed"));
      } else if (event.type === "tenant.changed" && event.what === "voice") {
        void directory.reload().catch((error: unknown) => options.log.error({ err: error }, "the voice directory could not be reloaded"));
      }
    });
    centre.poll = setInterval(() => {
      void centre.pickUpOffers(deps).catch(() => undefined);
      void placeRequestedCalls(outbound).catch(() => undefined);
    }, 3_000);
    centre.refresh = setInterval(() => void centre.refreshWaiting(deps).catch(() => undefined), options.statusRefreshMs ?? 5_000);
    centre.warmed = warmPrompts(directory, prompts).catch((error: unknown) => options.log.warn({ err: error }, "prompts could not be rendered ahead"));
    options.log.info({ sip: `${gateway.local.address}:${gateway.local.port}` }, "voice gateway listening (SIP over UDP)");
    return centre;
  }

  /**
   * Every waiting call's place and expected wait, one query per tenant (not one per call: with hundreds waiting
   * that is the difference between a quiet media clock and a late one), and a mark that each caller is still
   * there, so that the sweep abandons only calls whose voice process has died.
   */
  private async refreshWaiting(deps: RoutingDeps): Promise<void> {
    const byTenant = new Map<string, string[]>();
    for (const [contactId, session] of this.sessions) {
      byTenant.set(session.tenantId, [...(byTenant.get(session.tenantId) ?? []), contactId]);
    }
    for (const [tenantId, ids] of byTenant) {
      const statuses = await chatStatuses(deps.db, tenantId, ids);
      for (const id of ids) {
        this.sessions.get(id)?.waitStatus(statuses.get(id) ?? null);
      }
    }
    await markCitizensSeen(deps.db, [...this.sessions.keys()]);
  }

  /** Offers the bus may have lost (a reconnect), for every call of this process in one query. */
  private async pickUpOffers(deps: RoutingDeps): Promise<void> {
    const contacts = [...this.sessions.keys(), ...this.outboundCalls.keys()];
    if (contacts.length === 0) {
      return;
    }
    const pending = await deps.db.selectFrom("contact_offers").select(["id", "agent_id", "contact_id"]).where("contact_id", "in", contacts).where("state", "=", "pending").execute();
    for (const offer of pending) {
      void (this.sessions.get(offer.contact_id) ?? this.outboundCalls.get(offer.contact_id))?.offered(offer.id, offer.agent_id);
    }
  }

  get activeCalls(): number {
    return this.gateway.activeCalls;
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    if (this.poll !== null) {
      clearInterval(this.poll);
    }
    if (this.refresh !== null) {
      clearInterval(this.refresh);
    }
    this.directory.close();
    await this.gateway.stop();
  }
}

/**
 * Renders ahead every prompt a tenant's callers can hear, in each language its menu offers (Kazakh and Russian,
 * English where the body offers it): the menu's texts and the standard announcements up to `MAX_SPOKEN`, so that
 * a queue of callers never waits on speech synthesis (nor its CPU competes with the media clock while they wait).
 */
async function warmPrompts(directory: VoiceDirectory, prompts: PromptLibrary): Promise<void> {
  for (const tenant of directory.allTenants()) {
    for (const locale of menuLocales(tenant.menu)) {
      const texts = [
        ...Object.values(tenant.menu.prompts ?? {}).map((own) => own[locale]),
        ...standardPromptKeys(MAX_SPOKEN).map((key) => standardPromptText(key, locale)),
      ].filter((text): text is string => typeof text === "string" && text !== "");
      for (const text of texts) {
        await prompts.audio(text, locale, "PCMA");
      }
    }
  }
}
