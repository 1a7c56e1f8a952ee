import type { Locale } from "@bailanys/common/locales";
import { endByAgent, endByCitizen } from "../../modules/contacts/contact-end.service.ts";
import { holdContact, resumeContact } from "../../modules/contacts/contact-hold.service.ts";
import type { Actor } from "../../platform/actor.ts";
import type { OutboundLeg } from "../gateway/outbound-leg.ts";
import { HoldSwitch } from "../ivr/hold-player.ts";
import type { AudioFormat } from "../media/sdp.ts";
import type { OutboundContext } from "./outbound-calls.ts";
import { ringOffer } from "./offer-ringing.ts";
import { standardPrompt } from "./tenant-prompts.ts";

/** Outbound calls go out in A-law, the codec of Kazakhstan's network (and every phone offers it). */
export const PCMA: AudioFormat = { payloadType: 8, encoding: "PCMA", clockRate: 8000, fmtp: null };

/**
 * An outbound call's two sides: the operator's leg and, once answered, the citizen's, bridged. The operator's
 * window steers it as it steers an inbound call: hold plays the citizen the hold music, ending the contact hangs
 * both up, and a transfer (to a queue or to a colleague) hangs up the operator's phone while the citizen hears the
 * hold music, until the routing engine's offer rings the next operator's phone and they answer. Whoever hangs up
 * last ends it (`over`).
 */
export class OutboundTalk {
  private operator: OutboundLeg | null = null;
  /** Who talks to the citizen now: the contact's operator, who ends it into their wrap-up. */
  private actor: Actor | null = null;
  private citizen: OutboundLeg | null = null;
  private hold: HoldSwitch | null = null;
  /** The offer whose operator's phone rings after a transfer, and its leg. */
  private ringingOffer: string | null = null;
  private ringingLeg: OutboundLeg | null = null;
  private done = false;
  private resolveOver: () => void = () => undefined;
  readonly over = new Promise<void>((resolve) => (this.resolveOver = resolve));

  constructor(
    private readonly ctx: OutboundContext,
    readonly contactId: string,
    readonly tenantId: string,
  ) {}

  /** The operator who asked for the call answered their phone. */
  operatorAnswered(leg: OutboundLeg, actor: Actor | null): void {
    this.takeOperator(leg, actor);
  }

  /** The citizen's phone rings: an operator who hangs up meanwhile cancels it. */
  citizenRinging(leg: OutboundLeg): void {
    this.citizen = leg;
  }

  /** The citizen answered: the two talk. */
  citizenAnswered(citizen: OutboundLeg, locale: Locale): void {
    const media = citizen.media;
    if (media === null) {
      return;
    }
    this.citizen = citizen;
    const { deps, directory, prompts } = this.ctx;
    this.hold = new HoldSwitch(
      media,
      () => this.done,
      () => ({
        locale,
        prompts: (key, language) => standardPrompt({ db: deps.db, directory, prompts }, this.tenantId, key, language, media.codec),
        promptEverySeconds: this.ctx.holdPromptSeconds,
      }),
      (held) => this.join(held),
    );
    this.join(false);
  }

  /** Either side hung up, or the window ended the contact: every leg of it ends. */
  finish(): void {
    if (this.done) {
      return;
    }
    this.done = true;
    this.hold?.set(false);
    this.operator?.hangUp();
    this.ringingLeg?.hangUp();
    this.citizen?.hangUp();
    this.resolveOver();
  }

  /** The contact changed in the operator's window: hold, resume, end or transfer the call to match. */
  contactChanged(state: string): void {
    if (this.done || this.citizen === null) {
      return;
    }
    if (state === "held" || state === "active") {
      this.hold?.set(state === "held");
    } else if (state === "wrapup" || state === "closed") {
      this.finish();
    } else if ((state === "queued" || state === "offered") && this.operator !== null) {
      // Transferred: the operator's phone is hung up, the citizen hears the hold music until the next one answers.
      this.operator.hangUp();
      this.operator = null;
      this.actor = null;
      this.hold?.set(true);
      this.join(true);
    }
  }

  /** The routing engine offered the transferred call to an operator: their phone rings, answering takes it. */
  async offered(offerId: string, agentId: string): Promise<void> {
    const citizen = this.citizen;
    if (this.done || citizen === null || this.operator !== null || this.ringingOffer !== null) {
      return;
    }
    this.ringingOffer = offerId;
    try {
      const answered = await ringOffer(this.ctx, { id: offerId, agentId, contactId: this.contactId, tenantId: this.tenantId }, {
        dial: (phone) =>
          this.ctx.gateway.placeLeg(
            { ...phone, audio: PCMA },
            {
              started: (leg) => (this.ringingLeg = leg),
              failed: () => (this.ringingLeg = null),
              hungUp: () => this.finish(),
            },
          ),
        over: () => this.done,
        requestId: `call:${citizen.id}`,
      });
      this.ringingLeg = null;
      if (answered !== null) {
        if (this.done) {
          answered.leg.hangUp();
          return;
        }
        this.takeOperator(answered.leg, answered.actor);
        this.hold?.set(false);
        this.join(false);
      }
    } finally {
      this.ringingOffer = null;
    }
  }

  /** The contact ends with the call: into the wrap-up of the operator who talked last, or abandoned mid-transfer. */
  async endContact(): Promise<void> {
    const { deps } = this.ctx;
    if (this.actor !== null) {
      await endByAgent(deps, this.actor, this.contactId).catch(() => undefined);
    } else {
      await endByCitizen(deps, { contactId: this.contactId, tenantId: this.tenantId }).catch(() => undefined);
    }
  }

  private takeOperator(leg: OutboundLeg, actor: Actor | null): void {
    this.operator = leg;
    this.actor = actor;
    // Hold pressed on the operator's phone is the contact's hold, as for an inbound call.
    leg.onHold = (held) => {
      if (actor) {
        void (held ? holdContact : resumeContact)(this.ctx.deps, actor, this.contactId).catch(() => undefined);
      }
    };
  }

  /** Each side's audio goes to the other, except while the operator holds the call (the citizen hears the music). */
  private join(held: boolean): void {
    const operator = this.operator?.media ?? null;
    const citizen = this.citizen?.media ?? null;
    const joined = !held && operator !== null && citizen !== null;
    operator?.bridgeTo(joined ? citizen : null);
    citizen?.bridgeTo(joined ? operator : null);
  }
}
