import type { CitizenCardDto, ContactDto, TimelineItem } from "@bailanys/common/api/contacts";
import { makeIin } from "@bailanys/common/identity-number";
import { describe, expect, it } from "vitest";
import { answeredCardKey, citizenLookup, contactCardKey, isContactState, timelineNewestFirst, verifyProblems } from "./citizenCard.ts";

const IIN = makeIin("1985-03-14", "male", 42);
const CITIZEN = "33333333-3333-4333-8333-333333333333";

function contact(citizen: ContactDto["citizen"], appeals = 0): ContactDto {
  // Only the fields the key reads matter here.
  const partial: Pick<ContactDto, "citizen" | "appeals"> = { citizen, appeals: Array.from({ length: appeals }, (_, i) => ({ id: `a${i}`, number: `N-${i}` })) };
  return partial as ContactDto;
}

function card(citizenId: string | null, verified: boolean): CitizenCardDto {
  const citizen = citizenId === null ? null : { id: citizenId, fullName: "A. B.", iin: null, phone: null, email: null, address: null, preferredLanguage: "ru", consentGivenAt: null, masked: true };
  return { contactId: "c", verified, verifiedMethod: verified ? "iin_phone" : null, citizen, timeline: [] };
}

describe("card keys", () => {
  it("change when the record, the verification or the conversation's appeals change", () => {
    const base = contactCardKey(contact({ id: CITIZEN, name: "A. B.", verified: false, verifiedMethod: null }));
    expect(contactCardKey(contact({ id: CITIZEN, name: "A. B.", verified: true, verifiedMethod: "iin_phone" }))).not.toBe(base);
    expect(contactCardKey(contact(null))).not.toBe(base);
    expect(contactCardKey(contact({ id: CITIZEN, name: "A. B.", verified: false, verifiedMethod: null }, 1))).not.toBe(base);
  });

  it("match between a verify answer and the contact frame that follows it, so nothing is fetched twice", () => {
    const after = contact({ id: CITIZEN, name: "Full Name", verified: true, verifiedMethod: "iin_phone" });
    expect(answeredCardKey(card(CITIZEN, true), after)).toBe(contactCardKey(after));
    expect(answeredCardKey(card(null, false), contact(null))).toBe(contactCardKey(contact(null)));
  });
});

describe("verifyProblems", () => {
  it("accepts a valid ИИН and four digits", () => {
    expect(verifyProblems(IIN, "1234")).toEqual({});
    expect(verifyProblems(` ${IIN} `, " 0007 ")).toEqual({});
  });

  it("names what is missing or malformed before anything is sent", () => {
    expect(verifyProblems("", "")).toEqual({ iin: "FIELD_REQUIRED", phoneLast4: "FIELD_REQUIRED" });
    expect(verifyProblems("12345", "12a4")).toEqual({ iin: "IIN_INVALID_FORMAT", phoneLast4: "FIELD_INVALID" });
    expect(verifyProblems(IIN, "12345")).toEqual({ phoneLast4: "FIELD_INVALID" });
  });

  it("catches a mistyped digit by the check digit", () => {
    const last = Number(IIN.slice(-1));
    const typo = IIN.slice(0, 11) + String((last + 1) % 10);
    expect(verifyProblems(typo, "1234").iin).toBe("IIN_INVALID_CHECKSUM");
  });
});

describe("citizenLookup", () => {
  it("treats twelve digits as an ИИН and the rest as a phone", () => {
    expect(citizenLookup(IIN)).toEqual({ ok: true, query: { iin: IIN } });
    expect(citizenLookup("8 (701) 123-45-67")).toEqual({ ok: true, query: { phone: "+77011234567" } });
    expect(citizenLookup("+7 701 123 45 67")).toEqual({ ok: true, query: { phone: "+77011234567" } });
  });

  it("refuses an empty search, a bad ИИН and something that is no phone", () => {
    expect(citizenLookup("  ")).toEqual({ ok: false, code: "FIELD_REQUIRED" });
    expect(citizenLookup("123456789012")).toMatchObject({ ok: false });
    expect(citizenLookup("Иванов")).toEqual({ ok: false, code: "PHONE_INVALID" });
  });
});

describe("timeline", () => {
  const item = (id: string, at: string): TimelineItem => ({ kind: "contact", id, at, channel: { code: "web_chat", name: "Chat" }, state: "closed", number: null, title: null, outcome: null, agentName: null });

  it("puts the newest first", () => {
    const sorted = timelineNewestFirst([item("old", "2025-01-01T10:00:00.000Z"), item("new", "2025-03-01T10:00:00.000Z"), item("mid", "2025-02-01T10:00:00.000Z")]);
    expect(sorted.map((i) => i.id)).toEqual(["new", "mid", "old"]);
  });

  it("knows contact states and nothing else", () => {
    expect(isContactState("wrapup")).toBe(true);
    expect(isContactState("Зарегистрировано")).toBe(false);
  });
});
