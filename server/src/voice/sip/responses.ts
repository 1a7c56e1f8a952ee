import { randomBytes } from "node:crypto";
import { header, headerValues, type SipHeader, type SipRequest, type SipResponse } from "./message.ts";
import { formatParams, parseNameAddr } from "./headers.ts";

/** A fresh tag for the To or From of a dialog this side creates (RFC 3261 §19.3: at least 32 random bits). */
export function newTag(): string {
  return randomBytes(6).toString("hex");
}

/**
 * A response to `request` built as RFC 3261 §8.2.6 says: every Via in order, From, Call-ID and CSeq copied,
 * To copied with a tag added (except for 100 Trying) when the request's To has none. `toTag` fixes that tag, so
 * that every response of one dialog carries the same one.
 */
export function buildResponse(request: SipRequest, status: number, reason: string, options: { toTag?: string; headers?: SipHeader[]; body?: Buffer } = {}): SipResponse {
  const copied: SipHeader[] = [];
  for (const via of headerValues(request, "via")) {
    copied.push({ name: "Via", value: via });
  }
  copied.push({ name: "From", value: header(request, "from") ?? "" });
  copied.push({ name: "To", value: toWithTag(header(request, "to") ?? "", status === 100 ? undefined : (options.toTag ?? newTag())) });
  copied.push({ name: "Call-ID", value: header(request, "call-id") ?? "" });
  copied.push({ name: "CSeq", value: header(request, "cseq") ?? "" });
  return { kind: "response", status, reason, headers: [...copied, ...(options.headers ?? [])], body: options.body ?? Buffer.alloc(0) };
}

/** The To value with `tag` added when it has no tag yet (a tag already there is the dialog's and stays). */
function toWithTag(to: string, tag: string | undefined): string {
  const addr = parseNameAddr(to);
  if (tag === undefined || addr === null || addr.params.has("tag")) {
    return to;
  }
  return `${to}${formatParams(new Map([["tag", tag]]))}`;
}
