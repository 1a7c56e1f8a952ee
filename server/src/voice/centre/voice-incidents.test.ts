import { describe, expect, it } from "vitest";
import { callsCutPerTenant } from "./voice-incidents.ts";

describe("the calls a media thread's death cut", () => {
  it("are counted per tenant: inbound calls by the number dialled, outbound calls once each, unknown numbers not at all", () => {
    const tenants: Record<string, string> = { "109": "akimat", "1414": "centre" };
    const cut = callsCutPerTenant({ inboundDialled: ["109", "1414", "109", "999"], legs: 5 }, (number) => tenants[number] ?? null, ["centre", "akimat"]);
    expect(Object.fromEntries(cut)).toEqual({ akimat: 3, centre: 2 });
  });
});
