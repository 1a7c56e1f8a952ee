import { canonicalName, type SipMessage } from "./message.ts";

/**
 * The wire form of a message: start line, headers in their order, a Content-Length that matches the body
 * (whatever the message said before), an empty line and the body.
 */
export function serializeSipMessage(message: SipMessage): Buffer {
  const start = message.kind === "request" ? `${message.method} ${message.uri} SIP/2.0` : `SIP/2.0 ${message.status} ${message.reason}`;
  const lines = [start];
  for (const h of message.headers) {
    if (canonicalName(h.name) !== "content-length") {
      lines.push(`${h.name}: ${h.value}`);
    }
  }
  lines.push(`Content-Length: ${message.body.length}`, "", "");
  return Buffer.concat([Buffer.from(lines.join("\r\n"), "utf8"), message.body]);
}
