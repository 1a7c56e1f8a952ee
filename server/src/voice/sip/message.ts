/**
 * A SIP message (RFC 3261 §7) as the gateway handles it: the start line, the headers in their order (names kept
 * as received for relaying, looked up case-insensitively and by compact form), and the body.
 */
export type SipMethod = "INVITE" | "ACK" | "BYE" | "CANCEL" | "OPTIONS" | "REGISTER" | "INFO" | "UPDATE" | "PRACK" | "NOTIFY" | "SUBSCRIBE" | "REFER" | "MESSAGE";

export interface SipHeader {
  name: string;
  value: string;
}

interface SipMessageBase {
  headers: SipHeader[];
  body: Buffer;
}

export interface SipRequest extends SipMessageBase {
  kind: "request";
  /** Upper-case method token; extension methods are kept as received. */
  method: string;
  uri: string;
}

export interface SipResponse extends SipMessageBase {
  kind: "response";
  status: number;
  reason: string;
}

export type SipMessage = SipRequest | SipResponse;

/** Where a message came from or goes to (the real source of a datagram, a response's destination). */
export interface SipEndpoint {
  address: string;
  port: number;
}

/** RFC 3261 §7.3.3 compact header forms, to their full names (lower case). */
const COMPACT: Record<string, string> = {
  i: "call-id",
  m: "contact",
  e: "content-encoding",
  l: "content-length",
  c: "content-type",
  f: "from",
  s: "subject",
  k: "supported",
  t: "to",
  v: "via",
};

/** The lower-case full name of a header name as it may arrive (any case, compact or not). */
export function canonicalName(name: string): string {
  const lower = name.toLowerCase();
  return COMPACT[lower] ?? lower;
}

/** Every value of a header, in order (a header may repeat). */
export function headerValues(message: SipMessage, name: string): string[] {
  const wanted = canonicalName(name);
  return message.headers.filter((h) => canonicalName(h.name) === wanted).map((h) => h.value);
}

/** The first value of a header, or undefined. */
export function header(message: SipMessage, name: string): string | undefined {
  return headerValues(message, name)[0];
}

/** A copy of `message` with the header set to the values given (replacing every earlier occurrence). */
export function withHeader<M extends SipMessage>(message: M, name: string, ...values: string[]): M {
  const wanted = canonicalName(name);
  const at = message.headers.findIndex((h) => canonicalName(h.name) === wanted);
  const kept = message.headers.filter((h) => canonicalName(h.name) !== wanted);
  const added = values.map((value) => ({ name, value }));
  const headers = at === -1 ? [...kept, ...added] : [...kept.slice(0, at), ...added, ...kept.slice(at)];
  return { ...message, headers };
}
