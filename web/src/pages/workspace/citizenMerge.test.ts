import type { CitizenDto } from "@bailanys/common/api/appeals";
import { describe, expect, it } from "vitest";
import { defaultKept, mergeBody, mergeRows } from "./citizenMerge.ts";

const record = (id: string, fields: Partial<CitizenDto>): CitizenDto => ({
  id,
  kind: "person",
  iin: null,
  fullName: "Айгерим",
  phone: null,
  email: null,
  preferredLanguage: "ru",
  masked: false,
  consentGivenAt: null,
  consentSource: null,
  ...fields,
});

const chat = record("a", { phone: "+77051234567", preferredLanguage: "kk" });
const desk = record("b", { iin: "880517400012", fullName: "Айгерим Серикова", phone: "+77011112233", email: "a@example.kz" });

describe("the merge dialog's preview", () => {
  it("keeps the record with the ИИН by default and fills the kept record's gaps from the other", () => {
    expect(defaultKept(chat, desk)).toBe("found");
    expect(defaultKept(desk, chat)).toBe("current");
    const rows = mergeRows(chat, desk, "found", {});
    expect(Object.fromEntries(rows.map((r) => [r.field, [r.used, r.choosable]]))).toEqual({
      fullName: ["found", true],
      iin: ["found", false],
      phone: ["found", true],
      email: ["found", false],
      preferredLanguage: ["found", true],
    });
    expect(mergeBody(chat, desk, "found", rows, "  одно лицо ")).toEqual({ keptId: "b", mergedId: "a", take: {}, reason: "одно лицо" });
  });

  it("takes the chosen details from the merged record, and an empty choice falls back to the value there is", () => {
    const rows = mergeRows(chat, desk, "found", { phone: "current", email: "current", preferredLanguage: "current" });
    expect(rows.find((r) => r.field === "phone")?.used).toBe("current");
    expect(rows.find((r) => r.field === "email")?.used).toBe("found");
    expect(mergeBody(chat, desk, "found", rows, "x").take).toEqual({ phone: "merged", preferredLanguage: "merged" });
    // Keeping the conversation's record instead: its empty e-mail and ИИН come from the other one.
    const kept = mergeRows(chat, desk, "current", {});
    expect(kept.filter((r) => r.used === "found").map((r) => r.field)).toEqual(["iin", "email"]);
    expect(mergeBody(chat, desk, "current", kept, "x")).toMatchObject({ keptId: "a", mergedId: "b", take: { email: "merged" } });
  });
});
