import type { ArticleCreateBody, KbAudience } from "@bailanys/common/api/kb";
import type { ErrorCode } from "@bailanys/common/errors";
import type { Locale } from "@bailanys/common/locales";

export interface NewArticleForm {
  code: string;
  locale: Locale;
  title: string;
  audience: KbAudience;
  categoryId: string | null;
}

/** The same pattern the server holds codes to. */
const CODE = /^[a-z0-9][a-z0-9_.-]{0,79}$/;
export const NEW_ARTICLE_FIELDS = ["code", "draft.title", "categoryId"] as const;

// Russian and Kazakh letters in Latin, for a readable code suggested from a Cyrillic title.
const LATIN: Record<string, string> = {
  а: "a", ә: "a", б: "b", в: "v", г: "g", ғ: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "i", і: "i", к: "k", қ: "q",
  л: "l", м: "m", н: "n", ң: "n", о: "o", ө: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ұ: "u", ү: "u", ф: "f", х: "kh", һ: "h",
  ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
};

/** A code suggested from the title ("Пособие на ребёнка" → "posobie-na-rebenka"), within the server's pattern. */
export function suggestCode(title: string): string {
  return [...title.toLowerCase()]
    .map((ch) => LATIN[ch] ?? ch)
    .join("")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}

/** The form's own problems, keyed like the server's paths. */
export function validateNewArticle(form: NewArticleForm): Record<string, ErrorCode> {
  const problems: Record<string, ErrorCode> = {};
  if (form.code.trim() === "") {
    problems.code = "FIELD_REQUIRED";
  } else if (!CODE.test(form.code.trim())) {
    problems.code = "FIELD_INVALID";
  }
  if (form.title.trim() === "") {
    problems["draft.title"] = "FIELD_REQUIRED";
  }
  return problems;
}

/** The request: the article and the first, empty-bodied draft of the chosen language. */
export function newArticleBody(form: NewArticleForm): ArticleCreateBody {
  return { code: form.code.trim(), audience: form.audience, categoryId: form.categoryId, locale: form.locale, draft: { title: form.title.trim(), body: "" } };
}
