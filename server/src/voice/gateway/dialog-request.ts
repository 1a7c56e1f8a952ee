import type { SipHeader, SipEndpoint, SipRequest } from "../sip/message.ts";
import { newBranch } from "../sip/transaction-key.ts";

export interface DialogSide {
  /** From (our side) and To (the peer), each with its tag, as the dialog's requests carry them. */
  local: string;
  remote: string;
  /** The peer's Contact URI: where in-dialog requests are addressed. */
  remoteTarget: string;
  callId: string;
  /** Route headers from the dialog's route set (RFC 3261 §12.1). */
  routes: string[];
  /** The transport the dialog's requests go over (UDP unless the peer came over TCP). */
  transport?: "UDP" | "TCP";
}

/** A request within a dialog (§12.2.1.1): a fresh branch, our side in From, the peer's in To, to its Contact. */
export function dialogRequest(method: string, dialog: DialogSide, cseq: number, via: SipEndpoint, extra: SipHeader[] = [], body = Buffer.alloc(0)): SipRequest {
  return {
    kind: "request",
    method,
    uri: dialog.remoteTarget,
    headers: [
      { name: "Via", value: `SIP/2.0/${dialog.transport ?? "UDP"} ${via.address}:${via.port};branch=${newBranch()};rport` },
      { name: "Max-Forwards", value: "70" },
      { name: "From", value: dialog.local },
      { name: "To", value: dialog.remote },
      { name: "Call-ID", value: dialog.callId },
      { name: "CSeq", value: `${cseq} ${method}` },
      ...dialog.routes.map((value) => ({ name: "Route", value })),
      ...extra,
    ],
    body,
  };
}
