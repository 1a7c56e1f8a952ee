import { describe, expect, it } from "vitest";
import { kbSendChoices } from "./kbSendOptions.ts";

describe("kbSendChoices", () => {
  it("offers the whole article and each fact the article has", () => {
    expect(kbSendChoices({ audience: "public", facts: { documents: ["Удостоверение личности"], term: "10 рабочих дней", fee: " " }, offices: [] })).toEqual([null, "documents", "term"]);
  });

  it("offers offices only when the article lists some", () => {
    const office = { id: "o", name: "ЦОН", address: "Абая, 10", phone: null, email: null, hours: [], latitude: null, longitude: null };
    expect(kbSendChoices({ audience: "public", facts: {}, offices: [office] })).toEqual([null, "offices"]);
  });

  it("offers nothing of an internal article", () => {
    expect(kbSendChoices({ audience: "internal", facts: { description: "Скрипт" }, offices: [] })).toEqual([]);
  });
});
