/**
 * Session descriptions as the gateway needs them (RFC 4566, offer/answer per RFC 3264): one audio stream,
 * G.711 and RFC 4733 telephone events, the direction (hold is a re-INVITE with sendonly or inactive).
 */
export type MediaDirection = "sendrecv" | "sendonly" | "recvonly" | "inactive";

export interface AudioFormat {
  payloadType: number;
  /** Encoding name as in a=rtpmap, upper-case (PCMA, PCMU, TELEPHONE-EVENT, …). */
  encoding: string;
  clockRate: number;
  fmtp: string | null;
}

export interface AudioDescription {
  /** Where the peer wants RTP: the c= address of the stream (or of the session) and the m= port. */
  address: string;
  port: number;
  formats: AudioFormat[];
  direction: MediaDirection;
  ptime: number | null;
}

export class SdpError extends Error {
  constructor(readonly reason: "no_audio" | "no_address" | "bad_media_line") {
    super(`SDP refused: ${reason}`);
  }
}

/** Payload types with a fixed meaning when an offer lists them without a=rtpmap (RFC 3551). */
const STATIC: Record<number, { encoding: string; clockRate: number }> = {
  0: { encoding: "PCMU", clockRate: 8000 },
  8: { encoding: "PCMA", clockRate: 8000 },
};

interface Section {
  /** The m= value of a media section; null for the session part before the first m= line. */
  media: string | null;
  lines: string[];
}

/** The description cut into the session part and one part per m= line, each with its other lines. */
function sections(sdp: string): Section[] {
  const out: Section[] = [{ media: null, lines: [] }];
  for (const raw of sdp.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith("m=")) {
      out.push({ media: line.slice(2), lines: [] });
    } else if (line !== "") {
      out[out.length - 1]?.lines.push(line);
    }
  }
  return out;
}

const DIRECTIONS = ["sendrecv", "sendonly", "recvonly", "inactive"] as const;

function directionOf(lines: string[]): MediaDirection | null {
  return DIRECTIONS.find((d) => lines.includes(`a=${d}`)) ?? null;
}

function addressOf(lines: string[]): string | null {
  for (const line of lines) {
    const match = /^c=IN IP[46] (\S+)$/.exec(line);
    if (match) {
      return match[1] ?? null;
    }
  }
  return null;
}

/** The first audio stream of a description (the others, video or a second audio, are refused in the answer). */
export function parseAudio(sdp: string): AudioDescription {
  const [session, ...media] = sections(sdp);
  const audio = media.find((m) => m.media?.startsWith("audio ") === true);
  if (!audio || !session) {
    throw new SdpError("no_audio");
  }
  const m = /^audio (\d+)(?:\/\d+)? RTP\/S?AVPF? ([\d ]+)$/.exec(audio.media ?? "");
  if (!m) {
    throw new SdpError("bad_media_line");
  }
  const address = addressOf(audio.lines) ?? addressOf(session.lines);
  if (address === null) {
    throw new SdpError("no_address");
  }
  const attributes = { rtpmap: new Map<number, AudioFormat>(), fmtp: new Map<number, string>(), ptime: null as number | null };
  for (const line of audio.lines) {
    if (line.startsWith("a=")) {
      readAttribute(attributes, line.slice(2));
    }
  }
  const formats = (m[2] ?? "").trim().split(/\s+/).map(Number).flatMap((pt) => {
    const mapped = attributes.rtpmap.get(pt) ?? (STATIC[pt] ? { payloadType: pt, ...STATIC[pt], fmtp: null } : undefined);
    return mapped ? [{ ...mapped, fmtp: attributes.fmtp.get(pt) ?? null }] : [];
  });
  return { address, port: Number(m[1]), formats, direction: directionOf(audio.lines) ?? directionOf(session.lines) ?? "sendrecv", ptime: attributes.ptime };
}

function readAttribute(target: { rtpmap: Map<number, AudioFormat>; fmtp: Map<number, string>; ptime: number | null }, value: string): void {
  const rtpmap = /^rtpmap:(\d+) ([^/\s]+)\/(\d+)/.exec(value);
  if (rtpmap) {
    const pt = Number(rtpmap[1]);
    target.rtpmap.set(pt, { payloadType: pt, encoding: (rtpmap[2] ?? "").toUpperCase(), clockRate: Number(rtpmap[3]), fmtp: null });
    return;
  }
  const fmtp = /^fmtp:(\d+) (.*)$/.exec(value);
  if (fmtp) {
    target.fmtp.set(Number(fmtp[1]), fmtp[2] ?? "");
    return;
  }
  const ptime = /^ptime:(\d+)$/.exec(value);
  if (ptime) {
    target.ptime = Number(ptime[1]);
  }
}

export interface Negotiated {
  /** The G.711 format both sides use, with the payload type the offer gave it. */
  audio: AudioFormat;
  /** Telephone events (DTMF) with the offer's payload type, when offered at 8 kHz. */
  events: AudioFormat | null;
  /** What this side does, the mirror of the offer's direction. */
  direction: MediaDirection;
}

const MIRROR: Record<MediaDirection, MediaDirection> = { sendrecv: "sendrecv", sendonly: "recvonly", recvonly: "sendonly", inactive: "inactive" };

/**
 * What to answer an offer with: the first G.711 format in the offer's order of preference (RFC 3264 §6.1),
 * telephone-event at 8 kHz if offered, the mirrored direction. Null when the offer has no G.711 (488).
 */
export function negotiate(offer: AudioDescription): Negotiated | null {
  const audio = offer.formats.find((f) => (f.encoding === "PCMA" || f.encoding === "PCMU") && f.clockRate === 8000);
  if (!audio) {
    return null;
  }
  const events = offer.formats.find((f) => f.encoding === "TELEPHONE-EVENT" && f.clockRate === 8000) ?? null;
  return { audio, events, direction: MIRROR[offer.direction] };
}

/** The answer (or an offer of our own) for one audio stream at `address`:`port`. */
export function buildAudioSdp(options: { address: string; port: number; sessionId: number; version: number; audio: AudioFormat; events: AudioFormat | null; direction: MediaDirection }): string {
  const family = options.address.includes(":") ? "IP6" : "IP4";
  const formats = [options.audio, ...(options.events ? [options.events] : [])];
  const lines = [
    "v=0",
    `o=bailanys ${options.sessionId} ${options.version} IN ${family} ${options.address}`,
    "s=Bailanys",
    `c=IN ${family} ${options.address}`,
    "t=0 0",
    `m=audio ${options.port} RTP/AVP ${formats.map((f) => f.payloadType).join(" ")}`,
    ...formats.map((f) => `a=rtpmap:${f.payloadType} ${f.encoding === "TELEPHONE-EVENT" ? "telephone-event" : f.encoding}/${f.clockRate}`),
    ...(options.events ? [`a=fmtp:${options.events.payloadType} ${options.events.fmtp ?? "0-15"}`] : []),
    "a=ptime:20",
    `a=${options.direction}`,
  ];
  return `${lines.join("\r\n")}\r\n`;
}

/**
 * What to do with the description in a message body: the negotiated stream and where the peer receives it;
 * null when it does not parse or offers no G.711 (answered 488 by the gateway).
 */
export function negotiateBody(body: Buffer): { negotiated: Negotiated; remote: { address: string; port: number } } | null {
  try {
    const description = parseAudio(body.toString("utf8"));
    const negotiated = negotiate(description);
    return negotiated === null ? null : { negotiated, remote: { address: description.address, port: description.port } };
  } catch (error) {
    if (error instanceof SdpError) {
      return null;
    }
    throw error;
  }
}
