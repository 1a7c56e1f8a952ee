import { describe, expect, it } from "vitest";
import { refusalReason } from "../test/refusal.ts";
import { buildAudioSdp, negotiate, parseAudio, SdpError } from "./sdp.ts";

/** SIPp's caller offer of the voice notes: PCMA, PCMU and telephone-event on 101. */
const SIPP_OFFER = ["v=0", "o=caller 1 1 IN IP4 127.0.0.1", "s=-", "c=IN IP4 127.0.0.1", "t=0 0", "m=audio 6000 RTP/AVP 8 0 101", "a=rtpmap:8 PCMA/8000", "a=rtpmap:0 PCMU/8000", "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-15", "a=ptime:20", "a=sendrecv", ""].join("\r\n");

describe("SDP offer/answer", () => {
  it("reads the audio stream of SIPp's offer and answers PCMA with events on the offered type", () => {
    const offer = parseAudio(SIPP_OFFER);
    expect(offer).toMatchObject({ address: "127.0.0.1", port: 6000, direction: "sendrecv", ptime: 20 });
    expect(offer.formats.map((f) => [f.payloadType, f.encoding])).toEqual([[8, "PCMA"], [0, "PCMU"], [101, "TELEPHONE-EVENT"]]);
    const answer = negotiate(offer);
    expect(answer).toMatchObject({ audio: { payloadType: 8, encoding: "PCMA" }, events: { payloadType: 101, fmtp: "0-15" }, direction: "sendrecv" });
    const sdp = answer && buildAudioSdp({ address: "127.0.0.1", port: 20000, sessionId: 7, version: 1, ...answer });
    expect(sdp?.split("\r\n")).toEqual(expect.arrayContaining(["m=audio 20000 RTP/AVP 8 101", "a=rtpmap:8 PCMA/8000", "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-15", "a=sendrecv"]));
    // Our own answer parses back to what was negotiated.
    expect(parseAudio(sdp ?? "").formats.map((f) => f.payloadType)).toEqual([8, 101]);
  });

  it("honours the offer's order and payload types: PCMU first, events on 96 (SIPp's play_dtmf), static types without rtpmap", () => {
    const offer = parseAudio("v=0\r\nc=IN IP4 10.0.0.7\r\nm=audio 40000 RTP/AVP 0 8 96\r\na=rtpmap:96 telephone-event/8000\r\n");
    expect(negotiate(offer)).toMatchObject({ audio: { payloadType: 0, encoding: "PCMU" }, events: { payloadType: 96 } });
  });

  it("mirrors hold (sendonly → recvonly, inactive) and takes the stream's address over the session's", () => {
    const held = parseAudio("v=0\r\nc=IN IP4 10.0.0.1\r\na=sendonly\r\nm=audio 5004 RTP/AVP 8\r\nc=IN IP4 10.0.0.2\r\n");
    expect(held).toMatchObject({ address: "10.0.0.2", direction: "sendonly" });
    expect(negotiate(held)?.direction).toBe("recvonly");
    expect(negotiate(parseAudio("v=0\r\nc=IN IP4 10.0.0.1\r\nm=audio 5004 RTP/AVP 8\r\na=inactive\r\n"))?.direction).toBe("inactive");
  });

  it("skips a video stream before the audio, refuses an offer without G.711 or without an address", () => {
    const mixed = parseAudio("v=0\r\nm=video 9000 RTP/AVP 96\r\nc=IN IP4 10.9.9.9\r\nm=audio 5004 RTP/AVP 8\r\nc=IN IP4 10.0.0.3\r\n");
    expect(mixed).toMatchObject({ address: "10.0.0.3", port: 5004 });
    expect(negotiate(parseAudio("v=0\r\nc=IN IP4 10.0.0.1\r\nm=audio 5004 RTP/AVP 18 96\r\na=rtpmap:18 G729/8000\r\na=rtpmap:96 telephone-event/8000\r\n"))).toBeNull();
    const reason = (sdp: string) => refusalReason(() => parseAudio(sdp), SdpError);
    expect(reason("v=0\r\nm=audio 5004 RTP/AVP 8\r\n")).toBe("no_address");
    expect(reason("v=0\r\nc=IN IP4 1.2.3.4\r\n")).toBe("no_audio");
    expect(reason("v=0\r\nc=IN IP4 1.2.3.4\r\nm=audio port RTP/AVP 8\r\n")).toBe("bad_media_line");
  });
});
