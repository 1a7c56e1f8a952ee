import { describe, expect, it } from "vitest";
import { buildResponse } from "./responses.ts";
import { stampTopVia } from "./response-destination.ts";
import { clientTransactionKey, MAGIC_COOKIE, newBranch, serverTransactionKey } from "./transaction-key.ts";
import { gatewayRequest, sipRequest } from "./transaction-test-kit.ts";

describe("transaction keys", () => {
  it("makes unique branches that carry the magic cookie and only token characters", () => {
    const branches = new Set(Array.from({ length: 1000 }, newBranch));
    expect(branches.size).toBe(1000);
    for (const branch of branches) {
      expect(branch).toMatch(new RegExp(`^${MAGIC_COOKIE}[A-Za-z0-9_-]{16}$`));
    }
  });

  it("puts the ACK in its INVITE's server transaction, and the CANCEL in one of its own", () => {
    const invite = serverTransactionKey(sipRequest("INVITE"));
    expect(invite).not.toBeNull();
    expect(serverTransactionKey(sipRequest("ACK", { toTag: "uas-tag" }))).toBe(invite);
    expect(serverTransactionKey(sipRequest("CANCEL"))).not.toBe(invite);
    expect(serverTransactionKey(sipRequest("CANCEL"), "INVITE")).toBe(invite);
  });

  it("tells server transactions apart by branch and sent-by, not by what this layer stamps into the Via", () => {
    const key = serverTransactionKey(sipRequest("INVITE", { via: "SIP/2.0/UDP 10.0.0.5;branch=z9hG4bK1;rport" }));
    expect(serverTransactionKey(sipRequest("INVITE", { via: "SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK1" }))).toBe(key);
    expect(serverTransactionKey(sipRequest("INVITE", { via: "SIP/2.0/UDP 10.0.0.6;branch=z9hG4bK1" }))).not.toBe(key);
    expect(serverTransactionKey(sipRequest("INVITE", { via: "SIP/2.0/UDP 10.0.0.5;branch=z9hG4bK2" }))).not.toBe(key);
    const stamped = stampTopVia(sipRequest("INVITE", { via: "SIP/2.0/UDP 10.0.0.5;branch=z9hG4bK1;rport" }), { address: "203.0.113.9", port: 4000 });
    expect(serverTransactionKey(stamped)).toBe(key);
    const rfc2543 = sipRequest("INVITE", { via: "SIP/2.0/UDP 10.0.0.5" });
    expect(serverTransactionKey(stampTopVia(rfc2543, { address: "203.0.113.9", port: 4000 }))).toBe(serverTransactionKey(rfc2543));
  });

  it("matches a response to its client transaction by branch and CSeq method", () => {
    const invite = gatewayRequest("INVITE");
    const cancel = gatewayRequest("CANCEL");
    expect(clientTransactionKey(buildResponse(invite, 486, "Busy Here"))).toBe(clientTransactionKey(invite));
    expect(clientTransactionKey(buildResponse(cancel, 200, "OK"))).toBe(clientTransactionKey(cancel));
    expect(clientTransactionKey(cancel)).not.toBe(clientTransactionKey(invite));
    expect(clientTransactionKey(sipRequest("OPTIONS", { via: "SIP/2.0/UDP 10.0.0.5;branch=1234" }))).toBeNull();
  });
});
