import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { VoiceGateway } from "../gateway/voice-gateway.ts";
import { header, type SipRequest } from "../sip/message.ts";
import { parseSipMessage } from "../sip/parse.ts";
import { freeUdpPort, runSipp, sippAvailable } from "../test/sipp.ts";
import { DigestAuthority, digestHa1, md5, parseDigest } from "./digest.ts";
import { Registrar } from "./registrar.ts";

const REALM = "demo.bailanys";
const HA1 = new Map([["1001", digestHa1("1001", REALM, "s3cret-1001")]]);

function register(extra: string[], contact = "<sip:1001@10.0.0.5:5062>"): SipRequest {
  const text = ["REGISTER sip:gw SIP/2.0", "Via: SIP/2.0/UDP 10.0.0.5:5062;branch=z9hG4bK-r1", "From: <sip:1001@gw>;tag=a", "To: <sip:1001@gw>", "Call-ID: r1", "CSeq: 1 REGISTER", `Contact: ${contact}`, ...extra, "Content-Length: 0", "", ""].join("\r\n");
  return parseSipMessage(Buffer.from(text)) as SipRequest;
}

/** The Authorization a phone computes from a challenge (RFC 2617, qop=auth). */
function answer(challenge: string, user: string, password: string): string {
  const params = parseDigest(challenge);
  const nonce = params?.get("nonce") ?? "";
  const ha2 = md5("REGISTER:sip:gw");
  const response = md5(`${digestHa1(user, REALM, password)}:${nonce}:00000001:c0ffee:auth:${ha2}`);
  return `Digest username="${user}", realm="${REALM}", nonce="${nonce}", uri="sip:gw", response="${response}", algorithm=MD5, qop=auth, nc=00000001, cnonce="c0ffee"`;
}

describe("registrar", () => {
  it("challenges, accepts the right digest for the phone's own extension only, keeps and lists the binding", () => {
    let now = 1_800_000_000_000;
    const registrar = new Registrar(new DigestAuthority(REALM), { ha1For: (u) => HA1.get(u) ?? null, now: () => now });
    const source = { address: "192.0.2.7", port: 40_000 };
    const challenged = registrar.handle(register(["Expires: 120"]), source);
    expect(challenged.status).toBe(401);
    const challenge = header(challenged, "www-authenticate") ?? "";
    expect(challenge).toMatch(/^Digest realm="demo.bailanys", nonce="[0-9a-f]+\.[0-9a-f]{32}", algorithm=MD5, qop="auth"$/);
    expect(registrar.handle(register(["Expires: 120", `Authorization: ${answer(challenge, "1001", "wrong")}`]), source).status).toBe(403);
    const ok = registrar.handle(register(["Expires: 120", `Authorization: ${answer(challenge, "1001", "s3cret-1001")}`]), source);
    expect(ok.status).toBe(200);
    expect(header(ok, "contact")).toBe("<sip:1001@10.0.0.5:5062>;expires=120");
    expect(registrar.lookup("1001")).toEqual([{ user: "1001", contact: "sip:1001@10.0.0.5:5062", source, transport: "UDP", expiresAt: now + 120_000 }]);
    // Too short a registration is refused with the minimum; an expired nonce is challenged again (stale).
    expect(registrar.handle(register(["Expires: 10", `Authorization: ${answer(challenge, "1001", "s3cret-1001")}`]), source).status).toBe(423);
    now += 400_000;
    const stale = registrar.handle(register(["Expires: 120", `Authorization: ${answer(challenge, "1001", "s3cret-1001")}`]), source);
    expect(stale.status).toBe(401);
    expect(header(stale, "www-authenticate")).toContain("stale=true");
    // The binding ran out meanwhile.
    expect(registrar.lookup("1001")).toEqual([]);
  });

  it("refuses another extension's registration and removes bindings with Expires 0", () => {
    const now = 1_800_000_000_000;
    const registrar = new Registrar(new DigestAuthority(REALM), { ha1For: (u) => HA1.get(u) ?? null, now: () => now });
    const challenge = header(registrar.handle(register([]), { address: "10.0.0.5", port: 5062 }), "www-authenticate") ?? "";
    const auth = `Authorization: ${answer(challenge, "1001", "s3cret-1001")}`;
    const other = { ...register([auth]), headers: register([auth]).headers.map((h) => (h.name === "To" ? { ...h, value: "<sip:1002@gw>" } : h)) };
    expect(registrar.handle(other, { address: "10.0.0.5", port: 5062 }).status).toBe(403);
    expect(registrar.handle(register(["Expires: 300", auth]), { address: "10.0.0.5", port: 5062 }).status).toBe(200);
    expect(registrar.handle(register(["Expires: 0", auth], "*"), { address: "10.0.0.5", port: 5062 }).status).toBe(200);
    expect(registrar.lookup("1001")).toEqual([]);
  });
});

describe.skipIf(!sippAvailable())("registrar with SIPp as the phone", () => {
  it("a phone registers with its password (200, binding at its real address) and not with a wrong one (403)", async () => {
    const registrar = new Registrar(new DigestAuthority(REALM), { ha1For: (u) => HA1.get(u) ?? null });
    const gateway = await VoiceGateway.start({ host: "127.0.0.1", sipPort: 0, rtpPorts: { first: 26_000, last: 26_010 }, onCall: () => undefined, registrar });
    try {
      const wrong = await runSipp("phone-registers.xml", gateway.local, { keys: { user: "1001", password: "guess", expect: "403" } });
      expect(wrong.code, wrong.output).toBe(0);
      expect(registrar.lookup("1001")).toEqual([]);
      // Two ports of their own, so that the UDP and the TCP registration name two contacts (one would replace the other).
      const [udpPort, tcpPort] = [await freeUdpPort(), await freeUdpPort()];
      const right = await runSipp("phone-registers.xml", gateway.local, { localPort: udpPort, keys: { user: "1001", password: "s3cret-1001", expect: "200" } });
      expect(right.code, right.output).toBe(0);
      const [binding] = registrar.lookup("1001");
      expect(binding).toMatchObject({ user: "1001", source: { address: "127.0.0.1" } });
      expect(binding?.contact).toMatch(/^sip:1001@127\.0\.0\.1:\d+$/);
      // Over TCP as well: the challenge and the answer on one connection.
      const overTcp = await runSipp("phone-registers.xml", gateway.local, { tcp: true, localPort: tcpPort, keys: { user: "1001", password: "s3cret-1001", expect: "200" } });
      expect(overTcp.code, overTcp.output).toBe(0);
      // The TCP binding lasted as long as SIPp's connection (see voice-gateway-tcp.test.ts): the UDP one is left.
      for (let i = 0; i < 40 && registrar.lookup("1001").some((b) => b.transport === "TCP"); i += 1) {
        await sleep(50);
      }
      expect(registrar.lookup("1001")).toEqual([binding]);
    } finally {
      await gateway.stop();
    }
  });
});
