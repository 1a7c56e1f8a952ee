import type { DtmfDigit } from "../media/dtmf.ts";
import type { MediaSession } from "../media/media-engine.ts";
import { header, headerValues, type SipEndpoint, type SipRequest } from "../sip/message.ts";
import { parseNameAddr } from "../sip/headers.ts";
import { dialogRequest } from "./dialog-request.ts";
import { topVia } from "../sip/top-via.ts";

export type CallEnd = "caller_hung_up" | "operator_hung_up" | "gateway_hung_up" | "no_ack";

/** What a call tells the IVR and queue above it. */
export interface CallHandlers {
  onDigit?(digit: DtmfDigit): void;
  onEnd?(why: CallEnd): void;
}

/**
 * One answered inbound call: its dialog (RFC 3261 §12: Call-ID, both tags, the caller's Contact and route set)
 * and its media. The IVR plays into it, reads digits from it and hangs it up.
 */
export class InboundCall {
  handlers: CallHandlers = {};
  readonly digits: string[] = [];
  private localSeq = 0;
  /** The operator's leg this call is bridged to or ringing, if any (hung up with the call). */
  bridged: { hangUp(): void } | null = null;
  /** The version of our last SDP answer in this dialog (each re-INVITE's answer raises it). */
  sdpVersion = 1;
  private ended: CallEnd | null = null;

  constructor(
    readonly invite: SipRequest,
    readonly localTag: string,
    readonly media: MediaSession,
    /** Where the caller's signalling comes from: requests of ours go back there (it may sit behind NAT). */
    readonly peer: SipEndpoint,
    private readonly local: SipEndpoint,
    private readonly sendBye: (bye: SipRequest, to: SipEndpoint) => void,
    /** The gateway's own bookkeeping when the call ends, before the IVR hears of it. */
    private readonly onFinished: (why: CallEnd) => void,
  ) {}

  get callId(): string {
    return header(this.invite, "call-id") ?? "";
  }

  /** The number dialled: the request URI's user part ("109"). */
  get dialled(): string {
    return /^sips?:([^@;]+)@/.exec(this.invite.uri)?.[1] ?? "";
  }

  /** The number that called, as its From URI's user part (a phone number from a trunk). */
  get caller(): string | null {
    const uri = parseNameAddr(header(this.invite, "from") ?? "")?.uri ?? "";
    return /^sips?:([^@;]+)@/.exec(uri)?.[1] ?? null;
  }

  get endedBecause(): CallEnd | null {
    return this.ended;
  }

  /** Queues G.711 audio of the call's law (a prompt); resolves when it has been played or cut. */
  play(audio: Buffer): Promise<void> {
    return this.media.play(audio);
  }

  digitReceived(digit: DtmfDigit): void {
    this.digits.push(digit.digit);
    this.handlers.onDigit?.(digit);
  }

  /** The gateway ends the call (or the operator did, on their leg): a BYE within the dialog, then media stops. */
  hangUp(why: "gateway_hung_up" | "operator_hung_up" = "gateway_hung_up"): void {
    if (this.ended !== null) {
      return;
    }
    this.sendBye(this.bye(), this.peer);
    this.end(why);
  }

  /** The call is over (the caller's BYE, ours, or an answer nobody acknowledged). */
  end(why: CallEnd): void {
    if (this.ended !== null) {
      return;
    }
    this.ended = why;
    this.media.close();
    this.onFinished(why);
    this.handlers.onEnd?.(why);
  }

  /** A BYE of ours within the dialog (§15.1.1): our side in From, the caller's in To, to their Contact. */
  private bye(): SipRequest {
    this.localSeq += 1;
    return dialogRequest(
      "BYE",
      {
        local: `${header(this.invite, "to") ?? ""};tag=${this.localTag}`,
        remote: header(this.invite, "from") ?? "",
        remoteTarget: parseNameAddr(header(this.invite, "contact") ?? "")?.uri ?? this.invite.uri,
        callId: this.callId,
        routes: headerValues(this.invite, "record-route"),
        transport: topVia(this.invite)?.transport === "TCP" ? "TCP" : "UDP",
      },
      this.localSeq,
      this.local,
    );
  }
}
