import { randomBytes } from "node:crypto";
import { parseCSeq, parseNameAddr } from "./headers.ts";
import { header, type SipMessage, type SipRequest } from "./message.ts";
import { sentBy, topVia } from "./top-via.ts";

/** Marks a branch made by an RFC 3261 element, unique across space and time (§8.1.1.7). */
export const MAGIC_COOKIE = "z9hG4bK";

/** A fresh Via branch for a request this gateway sends. */
export function newBranch(): string {
  return `${MAGIC_COOKIE}${randomBytes(12).toString("base64url")}`;
}

/**
 * The key of the server transaction a request belongs to (§17.2.3): branch, sent-by and method, where an ACK
 * belongs to its INVITE while a CANCEL (same branch) is a transaction of its own. `method` overrides the request's,
 * to find the INVITE a CANCEL targets. Null when the request has no readable top Via.
 */
export function serverTransactionKey(request: SipRequest, method = request.method): string | null {
  const via = topVia(request);
  if (via === null) {
    return null;
  }
  const owner = method === "ACK" ? "INVITE" : method;
  const branch = via.params.get("branch") ?? "";
  if (branch.startsWith(MAGIC_COOKIE)) {
    return `${branch}|${sentBy(via)}|${owner}`;
  }
  return rfc2543Key(request, sentBy(via), owner);
}

/** The key of the client transaction a message belongs to (§17.1.3): the top Via branch and the CSeq method. */
export function clientTransactionKey(message: SipMessage): string | null {
  const branch = topVia(message)?.params.get("branch");
  if (branch === undefined || !branch.startsWith(MAGIC_COOKIE)) {
    return null;
  }
  const method = message.kind === "request" ? message.method : parseCSeq(header(message, "cseq") ?? "")?.method;
  return method === undefined ? null : `${branch}|${method}`;
}

/**
 * A request from an RFC 2543 element has no usable branch; §17.2.3 matches it on Request-URI, From tag, Call-ID,
 * CSeq and top Via. The To tag is left out, so that the ACK (which carries ours) finds its INVITE, and only the
 * Via's sent-by counts, so that the received/rport this layer adds does not change the key.
 */
function rfc2543Key(request: SipRequest, via: string, method: string): string | null {
  const callId = header(request, "call-id");
  const cseq = parseCSeq(header(request, "cseq") ?? "");
  const fromTag = parseNameAddr(header(request, "from") ?? "")?.params.get("tag") ?? "";
  if (callId === undefined || cseq === null) {
    return null;
  }
  return ["rfc2543", request.uri, fromTag, callId, cseq.seq, via, method].join("|");
}
