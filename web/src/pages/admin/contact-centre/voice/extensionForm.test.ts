import type { AgentProfileDto } from "@bailanys/common/api/routing-admin";
import type { ExtensionDto } from "@bailanys/common/api/voice-admin";
import { describe, expect, it } from "vitest";
import { extensionBody, extensionToForm, freedBy, operatorOptions, otherExtensionOf, sortExtensions, validateExtension } from "./extensionForm.ts";

const ALIYA = "00000000-0000-4000-8000-000000000001";
const BOLAT = "00000000-0000-4000-8000-000000000002";
const GONE = "00000000-0000-4000-8000-000000000003";

const agent = (userId: string, fullName: string, login: string, active: boolean): AgentProfileDto => ({ userId, login, fullName, roles: ["operator"], active, profile: null, state: "offline" });
const AGENTS = [agent(ALIYA, "Aliya S.", "aliya", true), agent(BOLAT, "Bolat K.", "bolat", false)];
const EXTENSIONS: ExtensionDto[] = [
  { extension: "1010", userId: null, userName: null },
  { extension: "1002", userId: ALIYA, userName: "Aliya S." },
  { extension: "99", userId: GONE, userName: "Former operator" },
];

describe("extension form", () => {
  it("asks a new extension for 2–8 digits not taken yet and a password", () => {
    const isNew = { isNew: true, taken: ["1002"] };
    expect(validateExtension(extensionToForm(null), isNew)).toEqual({ extension: "FIELD_REQUIRED", password: "FIELD_REQUIRED" });
    expect(validateExtension({ extension: "1", userId: null, password: "short" }, isNew)).toEqual({ extension: "FIELD_INVALID", password: "FIELD_TOO_SHORT" });
    expect(validateExtension({ extension: "1002", userId: null, password: "long enough" }, isNew)).toEqual({ extension: "ALREADY_EXISTS" });
    expect(validateExtension({ extension: "1003", userId: ALIYA, password: "x".repeat(101) }, isNew)).toEqual({ password: "FIELD_TOO_LONG" });
  });

  it("keeps an existing extension's password unless a new one is typed", () => {
    const form = extensionToForm({ extension: "1002", userId: ALIYA, userName: "Aliya S." });
    expect(validateExtension(form, { isNew: false, taken: ["1002"] })).toEqual({});
    expect(extensionBody(form)).toEqual({ userId: ALIYA });
    expect(extensionBody({ ...form, userId: null, password: "new secret" })).toEqual({ userId: null, password: "new secret" });
  });

  it("offers active operators, and whoever has the extension now even if inactive or unlisted", () => {
    expect(operatorOptions(AGENTS, null)).toEqual([{ value: ALIYA, label: "Aliya S. (aliya)" }]);
    expect(operatorOptions(AGENTS, { extension: "1005", userId: BOLAT, userName: "Bolat K." }).map((o) => o.value)).toEqual([ALIYA, BOLAT]);
    expect(operatorOptions(AGENTS, { extension: "99", userId: GONE, userName: "Former operator" })).toContainEqual({ value: GONE, label: "Former operator" });
  });

  it("orders extensions by number", () => {
    expect(sortExtensions(EXTENSIONS).map((e) => e.extension)).toEqual(["99", "1002", "1010"]);
  });

  it("frees the operator's previous extension, since an operator has one phone", () => {
    expect(otherExtensionOf(EXTENSIONS, ALIYA, "1010")).toBe("1002");
    expect(otherExtensionOf(EXTENSIONS, ALIYA, "1002")).toBeNull();
    expect(otherExtensionOf(EXTENSIONS, null, "1010")).toBeNull();
    expect(freedBy(EXTENSIONS, { extension: "1010", userId: ALIYA, userName: "Aliya S." })).toEqual([{ extension: "1002", userId: null, userName: null }]);
    expect(freedBy(EXTENSIONS, { extension: "1010", userId: null, userName: null })).toEqual([]);
  });
});
