import { canonicalName, header, type SipHeader, type SipMessage } from "./message.ts";

/** Why a datagram is not a SIP message; a request that fails this way is answered 400 or dropped. */
export class SipParseError extends Error {
  constructor(readonly reason: "no_header_end" | "bad_start_line" | "bad_header" | "bad_content_length" | "truncated_body") {
    super(`SIP message refused: ${reason}`);
  }
}

const REQUEST_LINE = /^([A-Za-z!%*_+`'~.-]+) (\S+) SIP\/2\.0$/;
const STATUS_LINE = /^SIP\/2\.0 ([1-6]\d\d) ?(.*)$/;

/** Headers every request must carry (RFC 3261 §8.1.1); a request without one is answered 400. */
const MANDATORY = ["via", "from", "to", "call-id", "cseq"] as const;

/**
 * Parses one SIP message from a datagram or a framed stream chunk. Line folding is undone, compact names are
 * kept as received (lookups understand them), and the body is exactly Content-Length bytes when the header is
 * there (over UDP it may be left out: the rest of the datagram is the body).
 */
export function parseSipMessage(datagram: Buffer): SipMessage {
  // Leading blank lines (keep-alive CRLFs before a message) are ignored (RFC 3261 §7.5).
  let start = 0;
  while (start < datagram.length && (datagram[start] === 0x0d || datagram[start] === 0x0a)) {
    start += 1;
  }
  const data = datagram.subarray(start);
  const end = headerEnd(data);
  if (end === null) {
    throw new SipParseError("no_header_end");
  }
  const lines = unfold(data.subarray(0, end.index).toString("utf8").split(/\r?\n/));
  const startLine = lines.shift() ?? "";
  const headers = lines.map(parseHeaderLine);
  const rest = data.subarray(end.index + end.length);
  const body = bodyOf(rest, headers);
  const request = REQUEST_LINE.exec(startLine);
  if (request) {
    return { kind: "request", method: (request[1] ?? "").toUpperCase(), uri: request[2] ?? "", headers, body };
  }
  const status = STATUS_LINE.exec(startLine);
  if (status) {
    return { kind: "response", status: Number(status[1]), reason: status[2] ?? "", headers, body };
  }
  throw new SipParseError("bad_start_line");
}

/** The mandatory headers a request lacks (empty when it is complete). */
export function missingMandatoryHeaders(message: SipMessage): string[] {
  return MANDATORY.filter((name) => header(message, name) === undefined);
}

function headerEnd(data: Buffer): { index: number; length: number } | null {
  const crlf = data.indexOf("\r\n\r\n");
  const lf = data.indexOf("\n\n");
  if (crlf !== -1 && (lf === -1 || crlf < lf)) {
    return { index: crlf, length: 4 };
  }
  return lf === -1 ? null : { index: lf, length: 2 };
}

/** Joins continuation lines (starting with a space or tab) to the header line they continue. */
function unfold(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const last = out.length - 1;
    if ((line.startsWith(" ") || line.startsWith("\t")) && last >= 0 && out[last] !== "") {
      out[last] = `${out[last] ?? ""} ${line.trim()}`;
    } else {
      out.push(line);
    }
  }
  return out;
}

function parseHeaderLine(line: string): SipHeader {
  const colon = line.indexOf(":");
  const name = colon === -1 ? "" : line.slice(0, colon).trim();
  if (name === "" || /\s/.test(name)) {
    throw new SipParseError("bad_header");
  }
  return { name, value: line.slice(colon + 1).trim() };
}

function bodyOf(rest: Buffer, headers: SipHeader[]): Buffer {
  const declared = headers.find((h) => canonicalName(h.name) === "content-length");
  if (declared === undefined) {
    return rest;
  }
  if (!/^\d+$/.test(declared.value)) {
    throw new SipParseError("bad_content_length");
  }
  const length = Number(declared.value);
  if (length > rest.length) {
    throw new SipParseError("truncated_body");
  }
  return rest.subarray(0, length);
}
