import { createHash, randomBytes } from "node:crypto";
import { createSocket, type Socket as UdpSocket } from "node:dgram";
import { once } from "node:events";
import { connect, type Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { DigestAuthority, digestHa1 } from "../registrar/digest.ts";
import { Registrar } from "../registrar/registrar.ts";
import { runSipp, sippAvailable } from "../test/sipp.ts";
import type { LegFailure, OutboundLeg } from "./outbound-leg.ts";
import type { InboundCall } from "./inbound-call.ts";
import { VoiceGateway } from "./voice-gateway.ts";

const REALM = "tcp.bailanys";
const PASSWORD = "tcp-phone-1";

/** A SIP message as the phone reads it: the first line, headers by lower-case name, the body. */
interface Received {
  start: string;
  headers: Map<string, string[]>;
  body: string;
}

const md5 = (text: string) => createHash("md5").update(text).digest("hex");

/**
 * A desk phone speaking SIP over one TCP connection, written here with node:net (SIPp cannot register and then
 * take a call on the same connection): it frames the stream by Content-Length itself, registers with a digest
 * answer, and takes or refuses the INVITE that comes back over the connection.
 */
class TcpPhone {
  private buffered = "";
  private readonly inbox: Received[] = [];
  private wake: (() => void) | null = null;
  readonly tag = randomBytes(4).toString("hex");

  private constructor(
    private readonly socket: Socket,
    readonly user: string,
  ) {
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      this.buffered += chunk;
      this.frame();
    });
  }

  static async connect(gateway: { address: string; port: number }, user: string): Promise<TcpPhone> {
    const socket = connect(gateway.port, gateway.address);
    await once(socket, "connect");
    return new TcpPhone(socket, user);
  }

  get port(): number {
    return this.socket.localPort ?? 0;
  }

  get contact(): string {
    return `<sip:${this.user}@127.0.0.1:${this.port};transport=tcp>`;
  }

  private frame(): void {
    for (;;) {
      this.buffered = this.buffered.replace(/^(\r\n)+/, "");
      const end = this.buffered.indexOf("\r\n\r\n");
      if (end === -1) {
        return;
      }
      const lines = this.buffered.slice(0, end).split("\r\n");
      const headers = new Map<string, string[]>();
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(":");
        const name = line.slice(0, colon).trim().toLowerCase();
        headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
      }
      const length = Number(headers.get("content-length")?.[0] ?? "0");
      if (this.buffered.length < end + 4 + length) {
        return;
      }
      this.inbox.push({ start: lines[0] ?? "", headers, body: this.buffered.slice(end + 4, end + 4 + length) });
      this.buffered = this.buffered.slice(end + 4 + length);
      this.wake?.();
    }
  }

  /** The next message over the connection (a SIP-level timeout fails the test). */
  async next(timeoutMs = 8000): Promise<Received> {
    const deadline = Date.now() + timeoutMs;
    while (this.inbox.length === 0) {
      if (Date.now() > deadline) {
        throw new Error("the phone received nothing over its connection");
      }
      await Promise.race([new Promise<void>((resolve) => (this.wake = resolve)), sleep(100)]);
    }
    return this.inbox.shift() as Received;
  }

  send(lines: string[], body = ""): void {
    this.socket.write([...lines, `Content-Length: ${Buffer.byteLength(body)}`, "", body].join("\r\n"));
  }

  /** REGISTER, the 401's challenge answered (RFC 2617, qop=auth): the gateway's final status. */
  async register(gateway: { address: string; port: number }): Promise<number> {
    const uri = `sip:${gateway.address}:${gateway.port}`;
    const request = (cseq: number, extra: string[]) => [
      `REGISTER ${uri} SIP/2.0`,
      `Via: SIP/2.0/TCP 127.0.0.1:${this.port};branch=z9hG4bK-${randomBytes(6).toString("hex")};rport`,
      `From: <sip:${this.user}@${gateway.address}>;tag=${this.tag}`,
      `To: <sip:${this.user}@${gateway.address}>`,
      `Call-ID: reg-${this.tag}`,
      `CSeq: ${cseq} REGISTER`,
      `Contact: ${this.contact}`,
      "Expires: 120",
      "Max-Forwards: 70",
      ...extra,
    ];
    this.send(request(1, []));
    const challenge = await this.next();
    const nonce = /nonce="([^"]+)"/.exec(challenge.headers.get("www-authenticate")?.[0] ?? "")?.[1] ?? "";
    const response = md5(`${md5(`${this.user}:${REALM}:${PASSWORD}`)}:${nonce}:00000001:feed:auth:${md5(`REGISTER:${uri}`)}`);
    this.send(request(2, [`Authorization: Digest username="${this.user}", realm="${REALM}", nonce="${nonce}", uri="${uri}", response="${response}", algorithm=MD5, qop=auth, nc=00000001, cnonce="feed"`]));
    return Number((await this.next()).start.split(" ")[1]);
  }

  /** A response to `request` with the phone's tag on To (and the SDP of `rtpPort` when given). */
  respond(request: Received, status: string, rtpPort?: number): void {
    const h = (name: string) => request.headers.get(name) ?? [];
    const sdp = rtpPort === undefined ? "" : ["v=0", "o=phone 1 1 IN IP4 127.0.0.1", "s=-", "c=IN IP4 127.0.0.1", "t=0 0", `m=audio ${rtpPort} RTP/AVP 8`, "a=rtpmap:8 PCMA/8000", "a=sendrecv", ""].join("\r\n");
    const to = h("to")[0] ?? "";
    this.send(
      [
        `SIP/2.0 ${status}`,
        ...h("via").map((v) => `Via: ${v}`),
        `From: ${h("from")[0] ?? ""}`,
        `To: ${to.includes(";tag=") ? to : `${to};tag=${this.tag}`}`,
        `Call-ID: ${h("call-id")[0] ?? ""}`,
        `CSeq: ${h("cseq")[0] ?? ""}`,
        `Contact: ${this.contact}`,
        ...(sdp === "" ? [] : ["Content-Type: application/sdp"]),
      ],
      sdp,
    );
  }

  close(): void {
    this.socket.destroy();
  }
}

const running: { stop(): Promise<void> }[] = [];
const sockets: (TcpPhone | UdpSocket)[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) {
    s.close();
  }
  await Promise.all(running.splice(0).map((g) => g.stop()));
});

/** A gateway with a registrar knowing extension 1001; each answered call dials the extension, the results collected. */
async function gatewayDialling1001() {
  const registrar = new Registrar(new DigestAuthority(REALM), { ha1For: (user) => (user === "1001" ? digestHa1("1001", REALM, PASSWORD) : null) });
  const dialled: (OutboundLeg | LegFailure | null)[] = [];
  const rtpBase = 20_000 + 2 * Math.floor(Math.random() * 5_000);
  const gateway: VoiceGateway = await VoiceGateway.start({
    host: "127.0.0.1",
    sipPort: 0,
    rtpPorts: { first: rtpBase, last: rtpBase + 20 },
    registrar,
    onCall: (call: InboundCall) => void gateway.dialExtension(call, "1001", 5).then((leg) => dialled.push(leg)),
  });
  running.push(gateway);
  return { gateway, registrar, dialled };
}

describe.skipIf(!sippAvailable())("a phone registered over TCP (a raw TCP SIP peer; SIPp as the caller)", () => {
  it("is called over its own connection: the INVITE, the ACK and the BYE arrive on it, and the call's audio flows", async () => {
    const { gateway, registrar, dialled } = await gatewayDialling1001();
    const phone = await TcpPhone.connect(gateway.local, "1001");
    sockets.push(phone);
    expect(await phone.register(gateway.local)).toBe(200);
    expect(registrar.lookup("1001")).toMatchObject([{ transport: "TCP", source: { address: "127.0.0.1", port: phone.port } }]);
    const rtp = createSocket("udp4");
    sockets.push(rtp);
    rtp.bind(0, "127.0.0.1");
    await once(rtp, "listening");
    let audio = 0;
    rtp.on("message", () => (audio += 1));

    const caller = runSipp("caller-listens.xml", gateway.local, { service: "1414", keys: { hold: "2500" } });
    const invite = await phone.next();
    // Addressed to the Contact the phone registered, and sent over TCP (not to a UDP port nobody listens on).
    expect(invite.start).toBe(`INVITE sip:1001@127.0.0.1:${phone.port};transport=tcp SIP/2.0`);
    expect(invite.headers.get("via")?.[0]).toMatch(/^SIP\/2\.0\/TCP /);
    phone.respond(invite, "180 Ringing");
    phone.respond(invite, "200 OK", rtp.address().port);
    expect((await phone.next()).start).toMatch(/^ACK /);
    const bye = await phone.next();
    expect(bye.start).toMatch(/^BYE sip:1001@127\.0\.0\.1:\d+;transport=tcp SIP\/2\.0$/);
    phone.respond(bye, "200 OK");
    expect((await caller).code).toBe(0);
    expect(dialled).toHaveLength(1);
    expect(dialled[0] && "media" in dialled[0]).toBe(true);
    // The gateway's stream reached the phone for the two seconds or so of the bridge.
    expect(audio).toBeGreaterThan(50);
  });

  it("refuses the call over its connection (486): the gateway acknowledges there and reports busy", async () => {
    const { gateway, dialled } = await gatewayDialling1001();
    const phone = await TcpPhone.connect(gateway.local, "1001");
    sockets.push(phone);
    expect(await phone.register(gateway.local)).toBe(200);
    const caller = runSipp("caller-listens.xml", gateway.local, { service: "1414", keys: { hold: "1500" } });
    const invite = await phone.next();
    phone.respond(invite, "486 Busy Here");
    const ack = await phone.next();
    expect(ack.start).toMatch(/^ACK /);
    expect(ack.headers.get("cseq")?.[0]).toBe(invite.headers.get("cseq")?.[0]?.replace("INVITE", "ACK"));
    expect((await caller).code).toBe(0);
    expect(dialled).toEqual([{ status: 486 }]);
  });

  it("once its connection has closed, the phone is no longer registered: a call finds no phone at once instead of ringing a UDP port nobody listens on", async () => {
    const { gateway, registrar, dialled } = await gatewayDialling1001();
    const phone = await TcpPhone.connect(gateway.local, "1001");
    expect(await phone.register(gateway.local)).toBe(200);
    expect(registrar.lookup("1001")).toHaveLength(1);
    phone.close();
    for (let i = 0; i < 40 && registrar.lookup("1001").length > 0; i += 1) {
      await sleep(50);
    }
    expect(registrar.lookup("1001")).toEqual([]);
    const caller = await runSipp("caller-listens.xml", gateway.local, { service: "1414", keys: { hold: "500" } });
    expect(caller.code).toBe(0);
    expect(dialled).toEqual([null]);
  });
});
