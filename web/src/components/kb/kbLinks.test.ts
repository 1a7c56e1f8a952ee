import { describe, expect, it } from "vitest";
import { correctedQuery, mapHref, portalArticleHref, portalSearchHref } from "./kbLinks.ts";

describe("portal links", () => {
  it("builds article and search addresses with the tenant and language", () => {
    expect(portalArticleHref("housing-subsidy", "demo", "kk")).toBe("/kb/housing-subsidy?tenant=demo&lang=kk");
    expect(portalSearchHref("demo", " жилищная помощь ")).toBe("/kb?tenant=demo&q=%D0%B6%D0%B8%D0%BB%D0%B8%D1%89%D0%BD%D0%B0%D1%8F+%D0%BF%D0%BE%D0%BC%D0%BE%D1%89%D1%8C");
    expect(portalSearchHref("demo")).toBe("/kb?tenant=demo");
    expect(portalSearchHref("demo", "", "c1")).toBe("/kb?tenant=demo&category=c1");
  });

  it("links an office to OpenStreetMap only when it has coordinates", () => {
    expect(mapHref(43.238, 76.945)).toBe("https://www.openstreetmap.org/?mlat=43.238&mlon=76.945#map=17/43.238/76.945");
    expect(mapHref(null, 76.9)).toBeNull();
  });
});

describe("correctedQuery", () => {
  it("replaces the corrected words, keeping the others", () => {
    expect(correctedQuery("пенсея по возрасту", [{ from: "пенсея", to: "пенсия" }])).toBe("пенсия по возрасту");
    expect(correctedQuery("Пенсея", [{ from: "пенсея", to: "пенсия" }])).toBe("пенсия");
  });

  it("is null without corrections, and lists the corrections when no word matches as written", () => {
    expect(correctedQuery("пенсия", [])).toBeNull();
    expect(correctedQuery("пенсея?", [{ from: "пенсея", to: "пенсия" }])).toBe("пенсия");
  });
});
