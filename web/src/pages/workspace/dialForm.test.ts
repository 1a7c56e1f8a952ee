import { describe, expect, it } from "vitest";
import { contactPhone, dialBody, dialProblems, doNotCallBody, doNotCallProblems, placeFailure } from "./dialForm.ts";

const visitor = (phone: string | null) => ({ name: null, phone, email: null });

describe("calling the citizen", () => {
  it("offers the callback number first, then the number the citizen came from", () => {
    expect(contactPhone({ callbackPhone: "+77011234567", visitor: visitor("+77770000000") })).toBe("+77011234567");
    expect(contactPhone({ callbackPhone: null, visitor: visitor("+77770000000") })).toBe("+77770000000");
    expect(contactPhone({ callbackPhone: null, visitor: visitor(null) })).toBeNull();
  });

  it("asks for the reason the operator states at the start of the call (R13.3)", () => {
    expect(dialProblems("   ", "")).toEqual({ reason: "FIELD_REQUIRED" });
    expect(dialProblems("x".repeat(501), "")).toEqual({ reason: "FIELD_TOO_LONG" });
    expect(dialProblems("About appeal 2024-001", "")).toEqual({});
  });

  it("checks a typed number, and leaves an empty one to the server, which knows the contact's", () => {
    expect(dialProblems("Appeal", "8 (701) 123-45-67")).toEqual({});
    expect(dialProblems("Appeal", "12345")).toEqual({ phone: "PHONE_INVALID" });
    expect(dialBody(" Appeal ", "  ")).toEqual({ reason: "Appeal" });
    expect(dialBody(" Appeal ", " +77011234567 ")).toEqual({ reason: "Appeal", phone: "+77011234567" });
  });

  it("needs the number spelled out to put it on the do-not-call list (R13.4)", () => {
    expect(doNotCallProblems("", "")).toEqual({ phone: "FIELD_REQUIRED" });
    expect(doNotCallProblems("+7701", "")).toEqual({ phone: "PHONE_INVALID" });
    expect(doNotCallProblems("+77011234567", "n".repeat(501))).toEqual({ note: "FIELD_TOO_LONG" });
    expect(doNotCallBody(" +77011234567 ", " Asked on the phone ")).toEqual({ phone: "+77011234567", note: "Asked on the phone" });
  });

  it("puts a refusal's field problems at the inputs and the rest in the dialog's message", () => {
    const refused = { message: "The owner of this number asked not to be called.", fields: [{ field: "phone", code: "DO_NOT_CALL", message: "The owner of this number asked not to be called." }] };
    expect(placeFailure(refused, ["reason", "phone"])).toEqual({ fields: { phone: refused.message }, message: null });
    const hours = { message: "Outside working hours.", fields: [] };
    expect(placeFailure(hours, ["reason", "phone"])).toEqual({ fields: {}, message: "Outside working hours." });
    const mixed = { message: "Validation failed.", fields: [{ field: "reason", code: "FIELD_REQUIRED", message: "Required." }, { field: "extra", code: "FIELD_UNKNOWN", message: "Unknown field." }] };
    expect(placeFailure(mixed, ["reason", "phone"])).toEqual({ fields: { reason: "Required." }, message: "Validation failed. Unknown field." });
  });
});
