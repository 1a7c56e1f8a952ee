import { describe, expect, it } from "vitest";
import { newArticleBody, suggestCode, validateNewArticle } from "./newArticle.ts";

const form = { code: "pension-age", locale: "ru" as const, title: " Пенсия ", audience: "public" as const, categoryId: null };

describe("a new article", () => {
  it("checks the code like the server and needs a title", () => {
    expect(validateNewArticle(form)).toEqual({});
    expect(validateNewArticle({ ...form, code: "Пенсия", title: "" })).toEqual({ code: "FIELD_INVALID", "draft.title": "FIELD_REQUIRED" });
    expect(validateNewArticle({ ...form, code: " " })).toEqual({ code: "FIELD_REQUIRED" });
  });

  it("suggests a code from the title in any of the three languages and sends the first draft", () => {
    expect(suggestCode("Child benefit (2026)")).toBe("child-benefit-2026");
    expect(suggestCode("Пособие на ребёнка")).toBe("posobie-na-rebenka");
    expect(suggestCode("Жәрдемақы — қағидалар")).toBe("zhardemaqy-qagidalar");
    expect(newArticleBody(form)).toEqual({ code: "pension-age", audience: "public", categoryId: null, locale: "ru", draft: { title: "Пенсия", body: "" } });
  });
});
