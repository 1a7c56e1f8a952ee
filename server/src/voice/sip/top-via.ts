import { parseVia, splitList, type Via } from "./headers.ts";
import { canonicalName, header, type SipMessage } from "./message.ts";

/** The first Via value as written (a header line may carry several, comma-separated). */
export function topViaValue(message: SipMessage): string | undefined {
  const first = header(message, "via");
  return first === undefined ? undefined : splitList(first)[0];
}

/** The parsed top Via, or null when the message has none that parses. */
export function topVia(message: SipMessage): Via | null {
  const value = topViaValue(message);
  return value === undefined ? null : parseVia(value);
}

/** A copy of `message` whose top Via value is `value`; the other Via values stay where they were. */
export function withTopVia<M extends SipMessage>(message: M, value: string): M {
  const at = message.headers.findIndex((h) => canonicalName(h.name) === "via");
  const line = message.headers[at];
  if (line === undefined) {
    return message;
  }
  const rest = splitList(line.value).slice(1);
  const headers = message.headers.map((h, i) => (i === at ? { name: h.name, value: [value, ...rest].join(", ") } : h));
  return { ...message, headers };
}

/** The port a Via means when it names none (RFC 3261 §18.2.2, §19.1.2). */
export function defaultPort(transport: string): number {
  return transport === "TLS" ? 5061 : 5060;
}

/** The host:port a Via was sent by, normalised for comparison (§17.2.3). */
export function sentBy(via: Via): string {
  return `${via.host.toLowerCase()}:${via.port ?? defaultPort(via.transport)}`;
}

/** Whether the message travels on a reliable transport: everything but UDP retransmits on its own (Table 4). */
export function isReliable(message: SipMessage): boolean {
  const via = topVia(message);
  return via !== null && via.transport !== "UDP";
}
