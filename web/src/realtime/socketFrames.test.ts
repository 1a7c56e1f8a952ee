import { describe, expect, it } from "vitest";
import { parseFrame, reconnectDelay, staffSocketUrl } from "./socketFrames.ts";

describe("reconnectDelay", () => {
  it("doubles from one second and stops at fifteen", () => {
    expect([0, 1, 2, 3, 4, 5, 50].map(reconnectDelay)).toEqual([1000, 2000, 4000, 8000, 15000, 15000, 15000]);
  });
});

describe("staffSocketUrl", () => {
  it("follows the page's protocol", () => {
    expect(staffSocketUrl({ protocol: "https:", host: "cc.gov.kz" })).toBe("wss://cc.gov.kz/api/v1/ws");
    expect(staffSocketUrl({ protocol: "http:", host: "localhost:8080" })).toBe("ws://localhost:8080/api/v1/ws");
  });
});

describe("parseFrame", () => {
  it("accepts a typed object and refuses anything else", () => {
    expect(parseFrame('{"type":"ready"}')).toEqual({ type: "ready" });
    expect(parseFrame("not json")).toBeNull();
    expect(parseFrame("[1]")).toBeNull();
    expect(parseFrame('{"kind":"x"}')).toBeNull();
    expect(parseFrame(new ArrayBuffer(2))).toBeNull();
  });
});
