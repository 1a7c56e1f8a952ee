import { parseCSeq } from "./headers.ts";
import { header, headerValues, type SipHeader, type SipRequest, type SipResponse } from "./message.ts";
import { topViaValue } from "./top-via.ts";

/**
 * The CANCEL for a proceeding INVITE (§9.1): same Request-URI, Call-ID, From, To and top Via (so the same branch
 * reaches the same server transaction), CSeq number with method CANCEL, and the INVITE's Route set.
 */
export function buildCancel(invite: SipRequest): SipRequest {
  return sameBranchRequest(invite, "CANCEL", headerValues(invite, "to"));
}

/**
 * The ACK the INVITE client transaction sends for a 3xx–6xx (§17.1.1.3): as the CANCEL, but with the response's
 * To, which carries the tag of the UAS that refused.
 */
export function buildAck(invite: SipRequest, response: SipResponse): SipRequest {
  return sameBranchRequest(invite, "ACK", headerValues(response, "to"));
}

function sameBranchRequest(invite: SipRequest, method: "CANCEL" | "ACK", to: string[]): SipRequest {
  const cseq = parseCSeq(header(invite, "cseq") ?? "");
  const via = topViaValue(invite);
  if (cseq === null || via === undefined) {
    throw new Error(`cannot build ${method}: the INVITE has no readable CSeq or Via`);
  }
  const copy = (name: string, values = headerValues(invite, name)): SipHeader[] => values.map((value) => ({ name, value }));
  const headers = [
    { name: "Via", value: via },
    { name: "Max-Forwards", value: header(invite, "max-forwards") ?? "70" },
    ...copy("From"),
    ...copy("To", to),
    ...copy("Call-ID"),
    { name: "CSeq", value: `${cseq.seq} ${method}` },
    ...copy("Route"),
  ];
  return { kind: "request", method, uri: invite.uri, headers, body: Buffer.alloc(0) };
}
