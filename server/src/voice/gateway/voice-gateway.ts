import { MediaEngine, type ReservedPort } from "../media/media-engine.ts";
import { PortPoolExhausted } from "../media/port-pool.ts";
import { buildAudioSdp, negotiateBody, type AudioFormat, type Negotiated } from "../media/sdp.ts";
import { header, type SipEndpoint, type SipMessage, type SipRequest, type SipResponse } from "../sip/message.ts";
import { parseNameAddr } from "../sip/headers.ts";
import { missingMandatoryHeaders } from "../sip/parse.ts";
import { buildResponse, newTag } from "../sip/responses.ts";
import { retransmit2xx, type PendingAck } from "../sip/retransmit-2xx.ts";
import { TransactionLayer, type ServerTransaction } from "../sip/transaction-layer.ts";
import { openUdpTransport, type UdpTransport } from "../sip/udp-transport.ts";
import { openTcpTransport, type TcpTransport } from "../sip/tcp-transport.ts";
import { topVia } from "../sip/top-via.ts";
import { InboundCall } from "./inbound-call.ts";
import { OutboundLeg, type LegFailure } from "./outbound-leg.ts";
import type { Registrar } from "../registrar/registrar.ts";

const ALLOW = "INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER";

export interface VoiceGatewayOptions {
  host: string;
  sipPort: number;
  rtpPorts: { first: number; last: number };
  /** How long the caller hears ringing before the answer (the IVR answers at once in production: 0). */
  answerAfterMs?: number;
  /**
   * Whether to take an INVITE at all, before it rings: null takes it, a status refuses it (404 for a number
   * nobody answers here, 403 for a source that is not one of the tenant's trunks).
   */
  admit?(request: SipRequest, source: SipEndpoint): { status: number; reason: string } | null;
  /** A call was answered: the IVR takes it from here. */
  onCall(call: InboundCall): void;
  /** Where operators' phones register; without it REGISTER is refused. */
  registrar?: Registrar;
  /**
   * The media thread died: every call and leg lost its audio and is about to be hung up (told before, so the
   * listener can still see whose calls they are); a new thread is starting.
   */
  onMediaLost?(error: Error, dropped: DroppedAudio): void;
}

/** What a media thread's death cut: the numbers the inbound calls dialled, and the legs the gateway placed. */
export interface DroppedAudio {
  inboundDialled: string[];
  legs: number;
}

interface Ringing {
  transaction: ServerTransaction;
  /** The To tag of the 180, which every later response of this INVITE carries too. */
  tag: string;
  timer: NodeJS.Timeout;
}

/**
 * The gateway's user agent (RFC 3261 §8.2, §12–15) for inbound calls: answers INVITEs with G.711 (488 when the
 * offer has none), rings, answers with a port of the pool, retransmits the 200 until the ACK, takes BYE and
 * CANCEL, answers OPTIONS keep-alives. Every call's media runs on one shared clock in the media thread.
 */
export class VoiceGateway {
  /** The o= session id of this gateway's descriptions. */
  private readonly sessionId = Date.now();
  private readonly calls = new Map<string, InboundCall>();
  private readonly pendingAcks = new Map<string, PendingAck>();
  private readonly ringing = new Map<string, Ringing>();
  /** Legs the gateway placed to operators' phones, by their Call-ID (their BYE comes to us). */
  private readonly legs = new Map<string, OutboundLeg>();

  private constructor(
    private readonly options: VoiceGatewayOptions,
    private readonly transport: UdpTransport,
    private readonly layer: TransactionLayer,
    private readonly tcp: TcpTransport,
    /** The media thread: RTP ports, the clock, every leg's audio. */
    readonly media: MediaEngine,
  ) {
    media.onThreadLost = (error) => this.mediaLost(error);
  }

  static async start(options: VoiceGatewayOptions): Promise<VoiceGateway> {
    const media = await MediaEngine.start({ host: options.host, rtpPorts: options.rtpPorts });
    let gateway: VoiceGateway | null = null;
    const layerRef: { layer: TransactionLayer | null } = { layer: null };
    const onMessage = (message: SipMessage, source: SipEndpoint) => layerRef.layer?.receive(message, source);
    const { udp, tcp } = await openSipPort(options, onMessage).catch(async (error: unknown) => {
      await media.stop();
      throw error;
    });
    const transport: UdpTransport = {
      local: udp.local,
      send: (message, to) => {
        if (!tcp.send(message, to)) {
          udp.send(message, to);
        }
      },
      close: async () => {
        await Promise.all([udp.close(), tcp.close()]);
      },
    };
    const layer = new TransactionLayer({
      send: (message, to) => transport.send(message, to),
      user: {
        onRequest: (request, transaction) => gateway?.request(request, transaction),
        onAck: (ack) => gateway?.ack(ack),
        onStrayResponse: () => undefined,
      },
    });
    layerRef.layer = layer;
    gateway = new VoiceGateway(options, transport, layer, tcp, media);
    return gateway;
  }

  get local(): SipEndpoint {
    return this.transport.local;
  }

  get activeCalls(): number {
    return this.calls.size;
  }

  async stop(): Promise<void> {
    for (const call of this.calls.values()) {
      call.hangUp();
    }
    for (const { timer } of this.ringing.values()) {
      clearTimeout(timer);
    }
    await this.transport.close();
    await this.media.stop();
  }

  /**
   * Every call's audio died with the media thread: rather than leave callers in silence, each call and leg is
   * hung up (the caller may call again at once; the ACD and the outbound calls hear of it as of any hang-up).
   */
  private mediaLost(error: Error): void {
    const calls = [...this.calls.values()];
    const legs = [...this.legs.values()];
    try {
      this.options.onMediaLost?.(error, { inboundDialled: calls.map((call) => call.dialled), legs: legs.length });
    } finally {
      for (const call of calls) {
        call.hangUp();
      }
      for (const leg of legs) {
        leg.mediaLost();
      }
    }
  }

  /**
   * Calls an operator's phone for `call` and bridges the two when it answers: each side's audio is sent on to
   * the other on the media clock (same codec, no transcoding), and whoever hangs up ends both. Resolves with the
   * leg, or with the failure (busy, refused, no answer within `ringSeconds`) so the ACD can offer the next one.
   */
  async dial(call: InboundCall, phone: { target: string; destination: SipEndpoint; ringSeconds: number }): Promise<OutboundLeg | LegFailure> {
    const result = await this.placeLeg({ ...phone, audio: call.media.format }, {
      started: (leg) => {
        // Set while it rings too: a caller who hangs up meanwhile cancels the operator's ringing phone.
        call.bridged = leg;
      },
      failed: (leg) => {
        if (call.bridged === leg) {
          call.bridged = null;
        }
      },
      hungUp: () => call.hangUp("operator_hung_up"),
    });
    if ("media" in result && result.media) {
      call.media.bridgeTo(result.media);
      result.media.bridgeTo(call.media);
    }
    return result;
  }

  /**
   * Calls a SIP target offering `audio` (the B2BUA's UAC side): an operator's phone, or a citizen through a
   * carrier trunk for an outbound call. Resolves when it is answered or has failed; `hungUp` tells of the far
   * end's BYE afterwards.
   */
  async placeLeg(
    target: { target: string; destination: SipEndpoint; ringSeconds: number; audio: AudioFormat; from?: string },
    events: { started?(leg: OutboundLeg): void; failed?(leg: OutboundLeg): void; hungUp(): void },
  ): Promise<OutboundLeg | LegFailure> {
    const rtp = await this.media.reserve();
    return new Promise((resolve) => {
      const leg: OutboundLeg = new OutboundLeg(
        {
          ...target,
          transport: this.tcp.has(target.destination) ? "TCP" : "UDP",
          local: this.local,
          rtp,
          sendRequest: (request, to, onResponse, onTimeout) => this.layer.sendRequest(request, to, { onResponse, onTimeout }),
          sendDirect: (request, to) => this.transport.send(request, to),
        },
        {
          onAnswered: (answered) => resolve(answered),
          onFailed: (failure) => {
            this.legs.delete(leg.id);
            events.failed?.(leg);
            resolve(failure);
          },
          onHungUp: () => {
            this.legs.delete(leg.id);
            events.hungUp();
          },
        },
      );
      this.legs.set(leg.id, leg);
      events.started?.(leg);
      leg.dial();
    });
  }

  /** Calls the phone an extension registered last (see `dial`); null when the extension has no live binding. */
  async dialExtension(call: InboundCall, extension: string, ringSeconds: number): Promise<OutboundLeg | LegFailure | null> {
    const binding = (await this.options.registrar?.reachable(extension))?.[0];
    return binding ? this.dial(call, { target: binding.contact, destination: binding.source, ringSeconds }) : null;
  }

  private request(request: SipRequest, transaction: ServerTransaction): void {
    if (missingMandatoryHeaders(request).length > 0) {
      transaction.respond(buildResponse(request, 400, "Bad Request"));
      return;
    }
    const callId = header(request, "call-id") ?? "";
    switch (request.method) {
      case "INVITE":
        this.invite(request, transaction, callId);
        return;
      case "BYE":
        this.bye(request, transaction, callId);
        return;
      case "CANCEL":
        this.cancel(request, transaction, callId);
        return;
      case "REGISTER":
        transaction.respond(this.options.registrar ? this.options.registrar.handle(request, transaction.destination) : buildResponse(request, 405, "Method Not Allowed", { headers: [{ name: "Allow", value: ALLOW }] }));
        return;
      case "OPTIONS":
        transaction.respond(buildResponse(request, 200, "OK", { headers: [{ name: "Allow", value: ALLOW }, { name: "Accept", value: "application/sdp" }] }));
        return;
      default:
        transaction.respond(buildResponse(request, 405, "Method Not Allowed", { headers: [{ name: "Allow", value: ALLOW }] }));
    }
  }

  private invite(request: SipRequest, transaction: ServerTransaction, callId: string): void {
    const existing = this.calls.get(callId);
    if (existing) {
      this.reinvite(request, transaction, existing);
      return;
    }
    const leg = this.legs.get(callId);
    if (leg) {
      this.legReinvite(request, transaction, leg);
      return;
    }
    if (this.ringing.has(callId)) {
      transaction.respond(buildResponse(request, 491, "Request Pending"));
      return;
    }
    const refused = this.options.admit?.(request, transaction.destination) ?? null;
    if (refused !== null) {
      transaction.respond(buildResponse(request, refused.status, refused.reason));
      return;
    }
    const offer = negotiateBody(request.body);
    if (offer === null) {
      transaction.respond(buildResponse(request, 488, "Not Acceptable Here"));
      return;
    }
    const tag = newTag();
    transaction.respond(buildResponse(request, 180, "Ringing", { toTag: tag }));
    const timer = setTimeout(() => {
      // Whatever goes wrong while answering, the caller hears a final answer instead of ringing forever.
      this.answer(request, transaction, callId, tag, offer).catch(() => transaction.respond(buildResponse(request, 500, "Server Internal Error", { toTag: tag })));
    }, this.options.answerAfterMs ?? 0);
    this.ringing.set(callId, { transaction, tag, timer });
  }

  private async answer(request: SipRequest, transaction: ServerTransaction, callId: string, tag: string, offer: { negotiated: Negotiated; remote: SipEndpoint }): Promise<void> {
    if (!this.ringing.delete(callId)) {
      return;
    }
    let rtp: ReservedPort;
    try {
      rtp = await this.media.reserve();
    } catch (error) {
      if (error instanceof PortPoolExhausted) {
        transaction.respond(buildResponse(request, 503, "Service Unavailable", { toTag: tag }));
        return;
      }
      throw error;
    }
    const ok = this.answerResponse(request, tag, rtp.port, offer.negotiated, 1);
    const source = transaction.destination;
    const media = rtp.begin(offer.remote, offer.negotiated, (digit) => call.digitReceived(digit));
    const call: InboundCall = new InboundCall(
      request,
      tag,
      media,
      source,
      this.local,
      (bye, to) => this.layer.sendRequest(bye, to, { onResponse: () => undefined, onTimeout: () => undefined }),
      () => {
        this.forget(callId);
        call.bridged?.hangUp();
      },
    );
    this.calls.set(callId, call);
    transaction.respond(ok);
    this.awaitAck(callId, () => transaction.respond(ok));
    this.options.onCall(call);
  }

  /**
   * A re-INVITE within the dialog (RFC 3264 §8): hold when the caller's side goes sendonly or inactive, back
   * with sendrecv, or a new address. The codec stays the one of the call; the answer is retransmitted until
   * its ACK like the first one.
   */
  private reinvite(request: SipRequest, transaction: ServerTransaction, call: InboundCall): void {
    const toTag = parseNameAddr(header(request, "to") ?? "")?.params.get("tag");
    if (toTag !== call.localTag) {
      transaction.respond(buildResponse(request, 481, "Call/Transaction Does Not Exist"));
      return;
    }
    const offer = negotiateBody(request.body);
    if (offer === null) {
      transaction.respond(buildResponse(request, 488, "Not Acceptable Here", { toTag }));
      return;
    }
    call.media.renegotiate(offer.negotiated, offer.remote);
    call.sdpVersion += 1;
    const ok = this.answerResponse(request, toTag, call.media.localPort, { ...offer.negotiated, audio: call.media.format }, call.sdpVersion);
    transaction.respond(ok);
    this.awaitAck(header(request, "call-id") ?? "", () => transaction.respond(ok));
  }

  /**
   * The operator's phone puts the call on hold (or back) with a re-INVITE in its leg's dialog: the leg stops or
   * resumes sending, so the caller hears silence meanwhile; our answer keeps the leg's codec and port.
   */
  private legReinvite(request: SipRequest, transaction: ServerTransaction, leg: OutboundLeg): void {
    const toTag = parseNameAddr(header(request, "to") ?? "")?.params.get("tag");
    const offer = negotiateBody(request.body);
    if (toTag !== leg.localTag || leg.media === null) {
      transaction.respond(buildResponse(request, 481, "Call/Transaction Does Not Exist"));
      return;
    }
    if (offer === null) {
      transaction.respond(buildResponse(request, 488, "Not Acceptable Here", { toTag }));
      return;
    }
    leg.media.renegotiate({ ...offer.negotiated, audio: leg.media.format }, offer.remote);
    leg.sdpVersion += 1;
    const ok = this.answerResponse(request, toTag, leg.media.localPort, { ...offer.negotiated, audio: leg.media.format }, leg.sdpVersion);
    transaction.respond(ok);
    this.awaitAck(header(request, "call-id") ?? "", () => transaction.respond(ok));
    leg.onHold?.(offer.negotiated.direction !== "sendrecv");
  }

  private ack(ack: SipRequest): void {
    const callId = header(ack, "call-id") ?? "";
    this.pendingAcks.get(callId)?.acknowledged();
    this.pendingAcks.delete(callId);
  }

  private bye(request: SipRequest, transaction: ServerTransaction, callId: string): void {
    const leg = this.legs.get(callId);
    if (leg) {
      transaction.respond(buildResponse(request, 200, "OK"));
      leg.remoteHungUp();
      return;
    }
    const call = this.calls.get(callId);
    const toTag = parseNameAddr(header(request, "to") ?? "")?.params.get("tag");
    if (!call || toTag !== call.localTag) {
      transaction.respond(buildResponse(request, 481, "Call/Transaction Does Not Exist"));
      return;
    }
    transaction.respond(buildResponse(request, 200, "OK"));
    call.end("caller_hung_up");
  }

  /** CANCEL before the answer: 200 to the CANCEL, 487 to the INVITE (§9.2); after the answer it changes nothing. */
  private cancel(request: SipRequest, transaction: ServerTransaction, callId: string): void {
    const invite = this.layer.inviteFor(request);
    const ringing = this.ringing.get(callId);
    if (!invite) {
      transaction.respond(buildResponse(request, 481, "Call/Transaction Does Not Exist"));
      return;
    }
    transaction.respond(buildResponse(request, 200, "OK"));
    if (ringing) {
      clearTimeout(ringing.timer);
      this.ringing.delete(callId);
      invite.respond(buildResponse(invite.request, 487, "Request Terminated", { toTag: ringing.tag }));
    }
  }

  /** The 200 with our SDP answer (`version` goes up with every new answer in the dialog, RFC 4566 o=). */
  private answerResponse(request: SipRequest, tag: string, rtpPort: number, negotiated: Negotiated, version: number): SipResponse {
    const sdp = buildAudioSdp({ address: this.local.address, port: rtpPort, sessionId: this.sessionId, version, ...negotiated });
    return buildResponse(request, 200, "OK", {
      toTag: tag,
      headers: [
        // A peer on TCP sends its in-dialog requests (ACK, BYE) over TCP too.
        { name: "Contact", value: `<sip:gateway@${this.local.address}:${this.local.port}${topVia(request)?.transport === "TCP" ? ";transport=tcp" : ""}>` },
        { name: "Allow", value: ALLOW },
        { name: "Content-Type", value: "application/sdp" },
      ],
      body: Buffer.from(sdp),
    });
  }

  /** Retransmits a 200 until its ACK; without one the call is hung up (RFC 3261 §13.3.1.4). */
  private awaitAck(callId: string, resend: () => void): void {
    this.pendingAcks.get(callId)?.acknowledged();
    this.pendingAcks.set(callId, retransmit2xx({ clock: this.layer.clock, timers: this.layer.timers, resend, onNoAck: () => this.calls.get(callId)?.hangUp() }));
  }

  private forget(callId: string): void {
    this.calls.delete(callId);
    this.pendingAcks.get(callId)?.acknowledged();
    this.pendingAcks.delete(callId);
  }
}

/** How often an ephemeral port is tried again when its TCP twin is taken. */
const EPHEMERAL_ATTEMPTS = 20;

/**
 * UDP and TCP on one port (RFC 3261 §18: a peer that connected, a trunk or a phone, is answered and called over
 * its connection). An ephemeral UDP port's number may already be a TCP connection's local port (PostgreSQL's
 * clients draw from the same range), so with port 0 a collision is retried on a new port; a configured port is
 * not, its collision is the operator's to see.
 */
async function openSipPort(
  options: VoiceGatewayOptions,
  onMessage: (message: SipMessage, source: SipEndpoint) => void,
): Promise<{ udp: UdpTransport; tcp: TcpTransport }> {
  for (let attempt = 1; ; attempt += 1) {
    const udp = await openUdpTransport({ host: options.host, port: options.sipPort, onMessage });
    try {
      const tcp = await openTcpTransport({ host: options.host, port: udp.local.port, onMessage, onClosed: (peer) => options.registrar?.connectionClosed(peer) });
      return { udp, tcp };
    } catch (error) {
      await udp.close();
      const taken = (error as NodeJS.ErrnoException).code === "EADDRINUSE";
      if (!taken || options.sipPort !== 0 || attempt >= EPHEMERAL_ATTEMPTS) {
        throw error;
      }
    }
  }
}
