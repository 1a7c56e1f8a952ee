import type { TranslationStateDto } from "@bailanys/common/api/kb";
import { describe, expect, it } from "vitest";
import { articleTitle, reviewBy, reviewUrgency, translationBadges } from "./translationState.ts";

const published = (number: number, reviewByDate: string | null = null) => ({ id: "p", number, reviewBy: reviewByDate, validFrom: null, publishedAt: "2026-01-01T00:00:00Z" });

describe("translation badges", () => {
  it("gives kk, ru, en in order: published with a pending draft, under review, missing", () => {
    const translations: TranslationStateDto[] = [
      { locale: "ru", title: "Пенсия", published: published(3), open: { id: "o", number: 4, state: "draft", validFrom: null } },
      { locale: "kk", title: "Зейнетақы", published: null, open: { id: "k", number: 1, state: "review", validFrom: null } },
    ];
    expect(translationBadges(translations)).toEqual([
      { locale: "kk", kind: "review", number: 1 },
      { locale: "ru", kind: "published", number: 3, pending: "draft" },
      { locale: "en", kind: "missing" },
    ]);
  });

  it("shows a version approved for a later date as scheduled, alone or beside the published one", () => {
    const translations: TranslationStateDto[] = [
      { locale: "ru", title: "Пошлина", published: published(1), open: { id: "s", number: 2, state: "scheduled", validFrom: "2027-01-01" } },
      { locale: "en", title: "Fee", published: null, open: { id: "e", number: 1, state: "scheduled", validFrom: "2027-01-01" } },
    ];
    expect(translationBadges(translations).slice(1)).toEqual([
      { locale: "ru", kind: "published", number: 1, pending: "scheduled" },
      { locale: "en", kind: "scheduled", number: 1 },
    ]);
  });
});

describe("article title", () => {
  const article = { code: "pension", translations: [{ locale: "ru", title: "Пенсия", published: null, open: null }] satisfies TranslationStateDto[] };
  it("falls back to another language, then to the code", () => {
    expect(articleTitle(article, "ru")).toBe("Пенсия");
    expect(articleTitle(article, "kk")).toBe("Пенсия");
    expect(articleTitle({ code: "pension", translations: [] }, "kk")).toBe("pension");
  });
});

describe("review dates", () => {
  it("takes the earliest published review date and marks it due or overdue", () => {
    const translations: TranslationStateDto[] = [
      { locale: "ru", title: "a", published: published(1, "2027-03-01"), open: null },
      { locale: "kk", title: "b", published: published(1, "2026-12-10"), open: null },
    ];
    expect(reviewBy({ translations })).toBe("2026-12-10");
    expect(reviewUrgency("2026-12-10", "2026-12-05", 14)).toBe("due");
    expect(reviewUrgency("2026-12-04", "2026-12-05", 14)).toBe("overdue");
    expect(reviewUrgency("2027-03-01", "2026-12-05", 14)).toBe("ok");
    expect(reviewUrgency(null, "2026-12-05", 14)).toBe("ok");
  });
});
