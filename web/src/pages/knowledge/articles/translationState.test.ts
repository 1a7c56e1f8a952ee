import type { TranslationStateDto } from "@bailanys/common/api/kb";
import { describe, expect, it } from "vitest";
import { articleTitle, reviewBy, reviewUrgency, translationBadges } from "./translationState.ts";

const published = (number: number, reviewByDate: string | null = null) => ({ id: "p", number, reviewBy: reviewByDate, validFrom: null, publishedAt: "2026-01-01T00:00:00Z" });

describe("translation badges", () => {
  it("gives kk, ru, en in order: published with a pending draft, under review, missing", () => {
    const translations: TranslationStateDto[] = [
      { locale: "ru", title: "Пенсия", published: published(3), open: { id: "o", number: 4, state: "draft" } },
      { locale: "kk", title: "Зейнетақы", published: null, open: { id: "k", number: 1, state: "review" } },
    ];
    expect(translationBadges(translations)).toEqual([
      { locale: "kk", kind: "review", number: 1 },
      { locale: "ru", kind: "published", number: 3, pending: "draft" },
      { locale: "en", kind: "missing" },
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
