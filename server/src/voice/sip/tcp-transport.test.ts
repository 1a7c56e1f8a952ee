import { describe, expect, it } from "vitest";
import { nextFrame } from "./tcp-transport.ts";

const message = (body: string) => `OPTIONS sip:gw SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5070;branch=z9hG4bK1\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

describe("SIP over a stream: framing by Content-Length (RFC 3261 §18.3)", () => {
  it("cuts two messages out of one chunk, and waits for the rest of one split in the middle of its body", () => {
    const both = Buffer.from(message("v=0\r\n") + message(""));
    const first = nextFrame(both);
    expect(first && "frame" in first && first.frame.toString()).toBe(message("v=0\r\n"));
    const second = first && "rest" in first ? nextFrame(first.rest) : null;
    expect(second && "frame" in second && second.frame.toString()).toBe(message(""));
    expect(nextFrame(Buffer.from(message("v=0\r\n").slice(0, -3)))).toBeNull();
  });

  it("skips keep-alive CRLFs and refuses a message without Content-Length", () => {
    const alive = nextFrame(Buffer.from(`\r\n\r\n${message("")}`));
    expect(alive && "frame" in alive && alive.frame.toString()).toBe(message(""));
    expect(nextFrame(Buffer.from("OPTIONS sip:gw SIP/2.0\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK2\r\n\r\n"))).toEqual({ error: "no_content_length" });
  });
});
