import { describe, expect, it } from "vitest";
import { cannedBody, cannedToForm, validateCanned } from "./cannedForm.ts";

describe("canned reply form", () => {
  it("starts a new reply in the language the list shows", () => {
    expect(cannedToForm(null, "kk")).toEqual({ language: "kk", title: "", body: "", topicId: null, sort: 0, active: true });
    const reply = (language: string, sort: number) => ({ id: `id-${language}-${sort}`, language, title: "t", body: "b", topicId: null, sort, active: true });
    // After the last reply of the same language; other languages do not count.
    expect(cannedToForm(null, "kk", [reply("kk", 3), reply("kk", 1), reply("ru", 9)]).sort).toBe(4);
  });

  it("copies only the body's fields of a saved reply", () => {
    const reply = { id: "00000000-0000-4000-8000-000000000001", language: "ru", title: "Привет", body: "Здравствуйте!", topicId: null, sort: 2, active: false };
    expect(cannedToForm(reply, "kk")).toEqual({ language: "ru", title: "Привет", body: "Здравствуйте!", topicId: null, sort: 2, active: false });
  });

  it("needs a title and a text within the limits, and trims both", () => {
    expect(validateCanned(cannedToForm(null, "ru"))).toEqual({ title: "FIELD_REQUIRED", body: "FIELD_REQUIRED" });
    expect(validateCanned({ ...cannedToForm(null, "ru"), title: "x".repeat(201), body: "y".repeat(4001) })).toEqual({ title: "FIELD_TOO_LONG", body: "FIELD_TOO_LONG" });
    expect(cannedBody({ ...cannedToForm(null, "ru"), title: " Hi ", body: "\nText\n" })).toMatchObject({ title: "Hi", body: "Text" });
  });
});
