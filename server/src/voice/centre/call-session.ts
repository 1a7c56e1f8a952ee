import { normalizePhone } from "@bailanys/common/contact-details";
import type { Locale } from "@bailanys/common/locales";
import { sql } from "kysely";
import type { Logger } from "pino";
import { actorForUser } from "../../modules/auth/auth.service.ts";
import { requestCallback } from "../../modules/chat/chat.service.ts";
import { chatStatuses } from "../../modules/chat/chat-status.service.ts";
import { openInboundContact } from "../../modules/contacts/contact-intake.service.ts";
import { endByAgent, endByCitizen } from "../../modules/contacts/contact-end.service.ts";
import { holdContact, resumeContact } from "../../modules/contacts/contact-hold.service.ts";
import { activeNotices } from "../../modules/notices/notice.service.ts";
import { referenceSnapshot } from "../../modules/reference/reference.snapshot.ts";
import type { RoutingDeps } from "../../modules/routing/dispatch.ts";
import { AppError } from "../../platform/app-error.ts";
import type { InboundCall } from "../gateway/inbound-call.ts";
import type { OutboundLeg } from "../gateway/outbound-leg.ts";
import type { VoiceGateway } from "../gateway/voice-gateway.ts";
import { runIvr, type PromptSource } from "../ivr/ivr-runner.ts";
import { announceWhileWaiting, type WaitStatus } from "../ivr/queue-announcer.ts";
import { HoldSwitch } from "../ivr/hold-player.ts";
import type { PromptLibrary } from "../prompts/prompt-library.ts";
import { standardPromptText } from "../prompts/standard-prompts.ts";
import { KB_PROMPT } from "@bailanys/common/api/kb";
import { hoursText } from "../prompts/hours-text.ts";
import { knowledgeSpeech } from "../prompts/knowledge-text.ts";
import { activeQueues } from "../../modules/contacts/contact-queues.repository.ts";
import type { OpeningHours } from "../../modules/routing/routing-rules.ts";
import type { Registrar } from "../registrar/registrar.ts";
import { storeRecording } from "./call-recording.ts";
import { ringOffer } from "./offer-ringing.ts";
import { spokenPrompt } from "./tenant-prompts.ts";
import type { TenantVoice, VoiceDirectory } from "./voice-directory.ts";

export interface SessionContext {
  deps: RoutingDeps;
  gateway: VoiceGateway;
  registrar: Registrar;
  directory: VoiceDirectory;
  prompts: PromptLibrary;
  log: Logger;
  /** Seconds of hold music between two "please stay on the line" prompts. */
  holdPromptSeconds: number;
  /** The session registers itself while its contact waits or talks, so bus events reach it. */
  track(contactId: string, session: CallSession): void;
  untrack(contactId: string): void;
}

/** The key a waiting caller presses to be called back instead (announced with the queue notices, R13.1). */
const CALLBACK_KEY = "9";

/**
 * One answered call from the menu to the end: the service-interruption notice (R34), the menu, the queue as a
 * phone contact of the routing engine with the announcements of R12.1/R12.2 and the callback key, each offer
 * ringing the operator's registered phone (answer accepts it, busy declines it, no answer misses it), the bridge,
 * and the end: wrap-up for the operator, the call's figures and its recording.
 */
export class CallSession {
  private callRowId: string | null = null;
  private contactId: string | null = null;
  private locale: Locale;
  private status: WaitStatus = { position: 1, expectedWaitSeconds: null };
  private announcer: { stop(): void } | null = null;
  private ringingOffer: string | null = null;
  private leg: OutboundLeg | null = null;
  private agentId: string | null = null;
  /** Hold (from the window or the operator's phone) plays the hold music to the caller; resume stops it. */
  private readonly hold: HoldSwitch;
  private callbackTaken = false;

  constructor(
    private readonly ctx: SessionContext,
    private readonly call: InboundCall,
    private readonly tenant: TenantVoice,
  ) {
    this.locale = tenant.menu.defaultLocale;
    this.hold = new HoldSwitch(
      call.media,
      () => call.endedBecause !== null,
      () => ({ locale: this.locale, prompts: this.prompt, promptEverySeconds: ctx.holdPromptSeconds }),
      () => this.bridgeAudio(),
    );
  }

  /**
   * The prompts of this call, rendered in the call's law: the menu's own texts, else the standard ones;
   * "info:hours" reads the working hours of the phone queue and "kb:…" a knowledge-base article's description,
   * documents or offices with their addresses and hours (R12.3); a key the menu lists as spoken in every
   * language (the language choice) is said in each of its languages, each in its own voice.
   */
  private readonly prompt: PromptSource = async (key, locale) => {
    const law = this.call.media.codec;
    if (key === "info:hours") {
      return this.ctx.prompts.audio(await this.hoursText(locale), locale, law);
    }
    if (KB_PROMPT.test(key)) {
      const speech = await knowledgeSpeech(this.ctx.deps.db, this.tenant.tenantId, key, locale);
      return this.ctx.prompts.audio(speech.text, speech.locale, law);
    }
    const own = this.tenant.menu.prompts?.[key];
    if (own && this.tenant.menu.spokenInEveryLanguage?.includes(key)) {
      const parts = (["kk", "ru", "en"] as const).filter((l) => own[l] !== undefined || this.recorded(key, l)).map((l) => this.spoken(key, own[l] ?? "", l));
      return Buffer.concat(await Promise.all(parts));
    }
    return this.spoken(key, own?.[locale] ?? own?.ru ?? standardPromptText(key, locale) ?? key, locale);
  };

  private recorded(key: string, locale: Locale): boolean {
    return this.ctx.directory.recordingOf(this.tenant.tenantId, key, locale) !== null;
  }

  /** The body's own recording of the prompt in that language when there is one, else the text spoken. */
  private spoken(key: string, text: string, locale: Locale): Promise<Buffer> {
    return spokenPrompt({ db: this.ctx.deps.db, directory: this.ctx.directory, prompts: this.ctx.prompts }, this.tenant.tenantId, { key, text, locale }, this.call.media.codec);
  }

  private async hoursText(locale: Locale): Promise<string> {
    const queue = (await activeQueues(this.ctx.deps.db, this.tenant.tenantId)).find((q) => q.channels.includes("phone"));
    return queue ? hoursText(queue.hours as OpeningHours, queue.open_on_holidays, locale) : (standardPromptText("closed", locale) ?? "");
  }

  async run(): Promise<void> {
    const { db } = this.ctx.deps;
    // First of all, so that a caller who hangs up at once (even during the first write) still settles the session;
    // the menu chains its own end handler after this one.
    const ended = this.call.endedBecause !== null ? Promise.resolve() : new Promise<void>((resolve) => (this.call.handlers.onEnd = () => resolve()));
    const row = await db
      .insertInto("voice_calls")
      .values({ tenant_id: this.tenant.tenantId, sip_call_id: this.call.callId, caller_number: this.call.caller, dialled_number: this.call.dialled })
      .returning("id")
      .executeTakeFirstOrThrow();
    this.callRowId = row.id;
    await this.playNotices();
    const outcome = await runIvr(this.call, this.tenant.menu, this.prompt);
    this.locale = outcome.locale;
    await db
      .updateTable("voice_calls")
      .set({ ivr_ended_at: sql<Date>`now()`, ivr_digits: outcome.digits, locale: outcome.locale, ivr_outcome: outcome.kind })
      .where("id", "=", row.id)
      .execute();
    this.call.handlers.onDigit = undefined;
    if (outcome.kind === "queue" && this.call.endedBecause === null) {
      await this.enqueue(outcome.topic, outcome.digits);
    } else if (this.call.endedBecause === null) {
      this.call.hangUp();
    }
    // Whatever happened, the session lasts as long as the call, and the call's end settles everything.
    await ended;
    await this.finish();
  }

  /** R34: each notice in force for the phone channel, in Kazakh and in Russian, before the menu. */
  private async playNotices(): Promise<void> {
    for (const locale of ["kk", "ru"] as const) {
      const notices = await activeNotices(this.ctx.deps.db, this.tenant.tenantId, locale, "phone");
      for (const notice of notices) {
        const text = `${standardPromptText("notice", locale) ?? ""} ${notice.message} ${notice.alternatives}`.trim();
        if (this.call.endedBecause === null) {
          await this.call.play(await this.ctx.prompts.audio(text, locale, this.call.media.codec));
        }
      }
    }
  }

  private async enqueue(topicCode: string | null, digits: string[]): Promise<void> {
    const { deps } = this.ctx;
    const ref = await referenceSnapshot(deps.db, this.tenant.tenantId);
    const topic = topicCode === null ? undefined : [...ref.classifier.values()].find((item) => item.code === topicCode && item.active);
    const language = ref.languages.get(this.locale)?.active ? this.locale : "ru";
    try {
      const { contactId } = await openInboundContact(deps, {
        tenantId: this.tenant.tenantId,
        channel: "phone",
        language,
        locale: this.locale,
        topicId: topic?.id ?? null,
        visitor: { name: null, phone: normalizePhone(this.call.caller ?? ""), email: null, address: null },
        firstMessage: null,
        before: { event: "voice_menu", data: { number: this.call.caller ?? "", digits: digits.join(" → ") } },
      });
      this.contactId = contactId;
    } catch (error) {
      const closed = error instanceof AppError && error.code === "QUEUE_CLOSED";
      if (!(error instanceof AppError)) {
        this.ctx.log.error({ err: error }, "a call could not be queued");
      }
      await deps.db.updateTable("voice_calls").set({ ivr_outcome: closed ? "closed" : "hangup" }).where("id", "=", this.callRowId ?? "").execute();
      await this.call.play(await this.prompt(closed ? "closed" : "unavailable", this.locale));
      this.call.hangUp();
      return;
    }
    await deps.db.updateTable("voice_calls").set({ contact_id: this.contactId }).where("id", "=", this.callRowId ?? "").execute();
    this.ctx.track(this.contactId, this);
    // Read once now; the centre then refreshes every waiting call's place in one query (`refreshWaiting`).
    await this.readStatus();
    this.startAnnouncer();
    this.call.handlers.onDigit = ({ digit }) => {
      if (digit === CALLBACK_KEY && this.leg === null && !this.callbackTaken) {
        void this.takeCallback();
      }
    };
    // An offer may have been made in the same transaction that queued the call, before it was tracked.
    await this.pickUpPendingOffer();
  }

  private startAnnouncer(): void {
    this.announcer = announceWhileWaiting(this.call, {
      locale: this.locale,
      prompts: this.prompt,
      status: () => this.status,
      waitingIsFree: this.tenant.waitingFree,
      intervalSeconds: this.tenant.noticeIntervalSeconds,
      also: ["callback_offer"],
    });
  }

  /** The caller's place and expected wait (R12.1). */
  private async readStatus(): Promise<void> {
    if (this.contactId !== null) {
      this.waitStatus((await chatStatuses(this.ctx.deps.db, this.tenant.tenantId, [this.contactId])).get(this.contactId) ?? null);
    }
  }

  /** The place the centre read for this call; the next announcement tells it. */
  waitStatus(status: { position: number | null; expectedWaitSeconds: number | null } | null): void {
    if (status?.position) {
      this.status = { position: status.position, expectedWaitSeconds: status.expectedWaitSeconds };
    }
  }

  get tenantId(): string {
    return this.tenant.tenantId;
  }

  async pickUpPendingOffer(): Promise<void> {
    if (this.contactId === null) {
      return;
    }
    const pending = await this.ctx.deps.db
      .selectFrom("contact_offers")
      .select(["id", "agent_id"])
      .where("contact_id", "=", this.contactId)
      .where("state", "=", "pending")
      .executeTakeFirst();
    if (pending) {
      await this.offered(pending.id, pending.agent_id);
    }
  }

  /** The engine offered the call to an operator: their phone rings for what is left of the offer's time. */
  async offered(offerId: string, agentId: string): Promise<void> {
    if (this.ringingOffer !== null || this.leg !== null || this.call.endedBecause !== null || this.contactId === null) {
      return;
    }
    this.ringingOffer = offerId;
    try {
      await this.ring(offerId, agentId, this.contactId);
    } finally {
      this.ringingOffer = null;
    }
  }

  private async ring(offerId: string, agentId: string, contactId: string): Promise<void> {
    const { deps, gateway } = this.ctx;
    const answered = await ringOffer(this.ctx, { id: offerId, agentId, contactId, tenantId: this.tenant.tenantId }, {
      dial: (phone) => gateway.dial(this.call, phone),
      over: () => this.call.endedBecause !== null,
      requestId: `call:${this.call.callId}`,
      ringing: async () => {
        await deps.db.updateTable("voice_calls").set({ operator_attempts: sql<number>`operator_attempts + 1` }).where("id", "=", this.callRowId ?? "").execute();
      },
    });
    if (answered === null) {
      // Nobody took it (a leg answered for an offer no longer pending was hung up): the caller waits on, announced.
      this.call.bridged = null;
      return;
    }
    this.announcer?.stop();
    this.announcer = null;
    this.leg = answered.leg;
    this.agentId = agentId;
    this.bridgeAudio();
    // Hold pressed on the phone is the contact's hold too: the window shows it and its time counts.
    answered.leg.onHold = (held) => void (held ? holdContact : resumeContact)(deps, answered.actor, contactId).catch(() => undefined);
  }

  /** Each side's audio goes to the other, except while the operator holds the call (then the caller hears the hold music). */
  private bridgeAudio(): void {
    const media = this.leg?.media ?? null;
    const joined = media !== null && !this.hold.held;
    this.call.media.bridgeTo(joined ? media : null);
    media?.bridgeTo(joined ? this.call.media : null);
  }

  /** The contact changed elsewhere (the operator's window): hold, resume, end or transfer the call to match. */
  contactChanged(state: string): void {
    if (this.leg === null) {
      return;
    }
    if (state === "held" || state === "active") {
      this.hold.set(state === "held");
    } else if (state === "wrapup" || state === "closed") {
      this.call.hangUp("gateway_hung_up");
    } else if (state === "queued") {
      // Transferred to a queue: the operator's leg ends, the caller waits again with the announcements.
      this.hold.set(false);
      this.leg.hangUp();
      this.leg = null;
      this.agentId = null;
      this.call.bridged = null;
      this.call.media.bridgeTo(null);
      this.startAnnouncer();
      void this.pickUpPendingOffer();
    }
  }

  /** R13.1: the caller asks to be called back on the number they call from; the waiting contact becomes a callback. */
  private async takeCallback(): Promise<void> {
    const phone = normalizePhone(this.call.caller ?? "");
    if (this.contactId === null || phone === null) {
      return;
    }
    this.callbackTaken = true;
    this.announcer?.stop();
    this.announcer = null;
    try {
      await requestCallback(this.ctx.deps, { contactId: this.contactId, tenantId: this.tenant.tenantId }, phone);
    } catch (error) {
      this.ctx.log.info({ err: error instanceof AppError ? error.code : error }, "a callback could not be taken");
      this.callbackTaken = false;
      this.startAnnouncer();
      return;
    }
    this.call.bridged?.hangUp();
    await this.call.play(await this.prompt("callback_confirmed", this.locale));
    this.call.hangUp();
  }

  /** The call is over: the contact ends (abandoned or to wrap-up), its figures and recording are kept. */
  private async finish(): Promise<void> {
    const { deps } = this.ctx;
    this.announcer?.stop();
    this.hold.set(false);
    // Asked for at once: the media thread keeps a closed call's recording only for a while.
    const recording = this.tenant.recordCalls && this.callRowId !== null ? this.call.media.recording() : null;
    const endedBy = this.call.endedBecause === "operator_hung_up" ? "operator" : this.call.endedBecause === "caller_hung_up" ? "caller" : "gateway";
    if (this.contactId !== null) {
      this.ctx.untrack(this.contactId);
      const contact = await deps.db.selectFrom("contacts").select(["state", "queued_at"]).where("id", "=", this.contactId).executeTakeFirst();
      if (this.callbackTaken) {
        // requestCallback closed the contact already.
      } else if (endedBy === "operator" && this.agentId !== null) {
        const actor = await actorForUser(deps.db, this.tenant.tenantId, this.agentId);
        if (actor) {
          await endByAgent(deps, actor, this.contactId).catch(() => undefined);
        }
      } else {
        await endByCitizen(deps, { contactId: this.contactId, tenantId: this.tenant.tenantId }).catch(() => undefined);
      }
      const waitedSeconds = contact?.queued_at ? (Date.now() - new Date(contact.queued_at).getTime()) / 1000 : 0;
      const abandoned = this.leg === null && !this.callbackTaken;
      await deps.db
        .updateTable("voice_calls")
        .set({ short_abandon: abandoned && waitedSeconds < this.tenant.shortAbandonSeconds })
        .where("id", "=", this.callRowId ?? "")
        .execute();
    }
    if (this.callRowId !== null) {
      await deps.db.updateTable("voice_calls").set({ ended_at: sql<Date>`now()`, ended_by: endedBy }).where("id", "=", this.callRowId).execute();
      if (recording) {
        await storeRecording(deps.db, { tenantId: this.tenant.tenantId, callId: this.callRowId, wav: await recording, retentionDays: this.tenant.recordingRetentionDays });
      }
    }
  }
}
