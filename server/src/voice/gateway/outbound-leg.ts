import { randomUUID } from "node:crypto";
import { buildAudioSdp, negotiateBody, type AudioFormat } from "../media/sdp.ts";
import type { MediaSession, ReservedPort } from "../media/media-engine.ts";
import { buildCancel } from "../sip/cancel-and-ack.ts";
import { parseNameAddr } from "../sip/headers.ts";
import { header, headerValues, type SipEndpoint, type SipRequest, type SipResponse } from "../sip/message.ts";
import { newTag } from "../sip/responses.ts";
import type { ClientTransaction } from "../sip/transaction-layer.ts";
import { dialogRequest, type DialogSide } from "./dialog-request.ts";

/** Why a leg to a phone did not come up: the phone's final status (486 busy, 480, 603 …) or 408 for no answer. */
export type LegFailure = { status: number };

export interface OutboundLegOptions {
  /** The phone's SIP URI (its registered Contact) and where to send to. */
  target: string;
  destination: SipEndpoint;
  local: SipEndpoint;
  /** The codec of the call being bridged: the phone is offered only that (no transcoding) and DTMF on 101. */
  audio: AudioFormat;
  /** The leg's RTP port, reserved in the media thread before the offer names it. */
  rtp: ReservedPort;
  /** TCP when the phone is reached over the connection it registered on. */
  transport?: "UDP" | "TCP";
  /** The caller's identity shown to the far end (a user part: the centre's number on an outbound call). */
  from?: string;
  /** How long it may ring before the gateway cancels it (no answer: back to the queue). */
  ringSeconds: number;
  sendRequest(request: SipRequest, to: SipEndpoint, onResponse: (response: SipResponse) => void, onTimeout: () => void): ClientTransaction;
  /** ACKs for a 2xx bypass the transactions (RFC 3261 §13.2.2.4). */
  sendDirect(request: SipRequest, to: SipEndpoint): void;
}

const EVENTS: AudioFormat = { payloadType: 101, encoding: "TELEPHONE-EVENT", clockRate: 8000, fmtp: "0-15" };

/**
 * The gateway calling an operator's phone (the UAC side of the B2BUA): INVITE with an offer of the caller's
 * codec, ringing until answered, refused, or `ringSeconds` pass (then CANCEL); the 2xx is ACKed (again for
 * every retransmission) and the media starts on the shared clock.
 */
export class OutboundLeg {
  media: MediaSession | null = null;
  private readonly tag = newTag();
  private readonly callId = `${randomUUID()}@bailanys`;
  private readonly invite: SipRequest;
  private transaction: ClientTransaction | null = null;
  private dialog: DialogSide | null = null;
  private cseq = 1;
  private ringTimer: NodeJS.Timeout | null = null;
  private settled = false;
  private cancelled = false;
  private ended = false;

  constructor(
    private readonly options: OutboundLegOptions,
    private readonly events: { onAnswered(leg: OutboundLeg): void; onFailed(failure: LegFailure): void; onHungUp(): void },
  ) {
    const sdp = buildAudioSdp({ address: options.local.address, port: options.rtp.port, sessionId: Date.now(), version: 1, audio: options.audio, events: EVENTS, direction: "sendrecv" });
    this.invite = dialogRequest(
      "INVITE",
      { local: `<sip:${options.from ?? "gateway"}@${options.local.address}:${options.local.port}>;tag=${this.tag}`, remote: `<${options.target}>`, remoteTarget: options.target, callId: this.callId, routes: [], transport: options.transport ?? "UDP" },
      this.cseq,
      options.local,
      [
        { name: "Contact", value: `<sip:gateway@${options.local.address}:${options.local.port}${options.transport === "TCP" ? ";transport=tcp" : ""}>` },
        { name: "Content-Type", value: "application/sdp" },
      ],
      Buffer.from(sdp),
    );
  }

  get id(): string {
    return this.callId;
  }

  /** Our tag in the leg's dialog: a request of the phone's within it carries it in To. */
  get localTag(): string {
    return this.tag;
  }

  /** Told when the phone puts the call on hold (true) or takes it back (false) with a re-INVITE. */
  onHold: ((held: boolean) => void) | null = null;
  /** The version of our last SDP in this dialog (the INVITE's offer was 1; each answer to a re-INVITE raises it). */
  sdpVersion = 1;

  /** Sends the INVITE. */
  dial(): void {
    this.transaction = this.options.sendRequest(this.invite, this.options.destination, (response) => this.response(response), () => this.fail(408));
    this.ringTimer = setTimeout(() => this.cancelRinging(), this.options.ringSeconds * 1000);
  }

  /** Ends the leg: BYE when answered, CANCEL while it rings. */
  hangUp(): void {
    if (this.ended) {
      return;
    }
    if (!this.settled) {
      this.cancelRinging();
      return;
    }
    this.ended = true;
    if (this.dialog) {
      this.cseq += 1;
      this.options.sendRequest(dialogRequest("BYE", this.dialog, this.cseq, this.options.local), this.options.destination, () => undefined, () => undefined);
    }
    this.releaseMedia();
  }

  /** The media thread died with this leg's audio: the far end is hung up (or its ringing cancelled) and the owner told. */
  mediaLost(): void {
    const answered = this.settled && !this.ended;
    this.hangUp();
    if (answered) {
      this.events.onHungUp();
    }
  }

  /** The phone hung up (its BYE reached the gateway, which has answered it). */
  remoteHungUp(): void {
    if (this.ended) {
      return;
    }
    this.ended = true;
    this.releaseMedia();
    this.events.onHungUp();
  }

  private response(response: SipResponse): void {
    if (response.status < 200) {
      return;
    }
    if (response.status >= 300) {
      this.fail(response.status);
      return;
    }
    const remote = header(response, "to") ?? "";
    const contact = parseNameAddr(header(response, "contact") ?? "")?.uri ?? this.options.target;
    this.dialog ??= {
      local: header(this.invite, "from") ?? "",
      remote,
      remoteTarget: contact,
      callId: this.callId,
      routes: headerValues(response, "record-route").reverse(),
      transport: this.options.transport ?? "UDP",
    };
    // Every 2xx (retransmissions too) is acknowledged; the first one also starts the media.
    this.options.sendDirect(dialogRequest("ACK", this.dialog, 1, this.options.local), this.options.destination);
    if (this.settled) {
      return;
    }
    this.settled = true;
    this.clearRinging();
    const answer = negotiateBody(response.body);
    if (answer === null || this.cancelled) {
      // Answered without usable media, or in the same moment the gateway gave up: hung up at once.
      this.hangUp();
      this.events.onFailed({ status: this.cancelled ? 408 : 488 });
      return;
    }
    this.media = this.options.rtp.begin(answer.remote, { ...answer.negotiated, audio: this.options.audio }, () => undefined);
    this.events.onAnswered(this);
  }

  private cancelRinging(): void {
    if (this.settled || this.transaction === null || this.cancelled) {
      return;
    }
    // The phone ends the INVITE with 487, which fails the leg (§9.1).
    this.cancelled = true;
    this.options.sendRequest(buildCancel(this.invite), this.options.destination, () => undefined, () => undefined);
    this.clearRinging();
  }

  private fail(status: number): void {
    if (this.settled) {
      return;
    }
    this.settled = true;
    this.ended = true;
    this.clearRinging();
    this.options.rtp.release();
    this.events.onFailed({ status });
  }

  /** The leg's media stops; a leg that never began (answered without usable SDP) gives its port back. */
  private releaseMedia(): void {
    if (this.media) {
      this.media.close();
    } else {
      this.options.rtp.release();
    }
  }

  private clearRinging(): void {
    if (this.ringTimer !== null) {
      clearTimeout(this.ringTimer);
      this.ringTimer = null;
    }
  }
}
