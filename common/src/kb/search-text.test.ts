import { describe, expect, it } from "vitest";
import { stemKazakh } from "./kazakh-stemmer.ts";
import { highlight, maskPersonalData, markdownToPlainText, tokenize } from "./search-text.ts";

describe("tokenize", () => {
  it("gives lower-case words of Kazakh, Russian and Latin text without punctuation", () => {
    expect(tokenize("Зейнетақыны қалай аламын? ЕНПФ, eGov.kz — 2024 ж.")).toEqual(["зейнетақыны", "қалай", "аламын", "енпф", "egov", "kz", "2024", "ж"]);
    expect(tokenize("ӘҒҚҢӨҰҮҺІ")).toEqual(["әғқңөұүһі"]);
  });

  it("writes ё as е and splits hyphenated words into their parts", () => {
    expect(tokenize("Ещё раз: іс-шара, ХҚКО-ға")).toEqual(["еще", "раз", "іс", "шара", "хқко", "ға"]);
  });

  it("ignores soft hyphens and zero-width characters pasted inside words", () => {
    expect(tokenize("зейнет\u00adақы анық\u200bтама")).toEqual(["зейнетақы", "анықтама"]);
    expect(tokenize(" \n\t…«»")).toEqual([]);
  });
});

describe("markdownToPlainText", () => {
  it("removes heading, emphasis, quote and list markers and keeps the words", () => {
    const md = "# Зейнетақы\n\n> **Маңызды:** _тек_ ~~ескі~~ *жаңа* ереже\n\n- бірінші\n2. екінші\n- [x] дайын";
    expect(markdownToPlainText(md)).toBe("Зейнетақы\n\nМаңызды: тек ескі жаңа ереже\n\nбірінші\nекінші\nдайын");
  });

  it("keeps link text, drops images, link definitions and rules", () => {
    const md = "Өтінішті [eGov порталы](https://egov.kz) арқылы ![скриншот](a.png) беріңіз [осында][1].\n\n---\n\n[1]: https://egov.kz/help";
    expect(markdownToPlainText(md)).toBe("Өтінішті eGov порталы арқылы беріңіз осында.");
  });

  it("keeps the text of code fences and inline code as it is", () => {
    const md = "Сұрау:\n\n```json\n{ \"iin\": \"*\" }\n```\n\nӨріс `snake_case_name` міндетті.";
    expect(markdownToPlainText(md)).toBe("Сұрау:\n\n{ \"iin\": \"*\" }\n\nӨріс snake_case_name міндетті.");
  });

  it("turns a GFM table into one line per row without the delimiter row", () => {
    const md = "| Қызмет | Мерзімі |\n|:---|---:|\n| **Анықтама** | 1 күн |\n| Тіркеу \\| өзгерту | 5 күн |";
    expect(markdownToPlainText(md)).toBe("Қызмет · Мерзімі\nАнықтама · 1 күн\nТіркеу | өзгерту · 5 күн");
  });

  it("drops HTML tags and keeps escaped characters literally", () => {
    expect(markdownToPlainText("Бір<br>екі <!-- ескерту --> \\*жұлдызша\\* snake_case")).toBe("Бір екі *жұлдызша* snake_case");
  });
});

describe("maskPersonalData", () => {
  it("masks ИИН, БИН and phone numbers however they are written", () => {
    expect(maskPersonalData("ИИН 900101300123 бойынша")).toBe("ИИН ••• бойынша");
    expect(maskPersonalData("телефон +7 (701) 123-45-67 неге")).toBe("телефон ••• неге");
    expect(maskPersonalData("8 701 123 45 67")).toBe("•••");
    expect(maskPersonalData("ИИН900101300123")).toBe("ИИН•••");
  });

  it("masks e-mail addresses", () => {
    expect(maskPersonalData("хат aigerim.n+kb@mail.kz мекенжайына")).toBe("хат ••• мекенжайына");
  });

  it("keeps short numbers, years and the words of the query", () => {
    expect(maskPersonalData("2024 жылғы зейнетақы 15 күн ішінде")).toBe("2024 жылғы зейнетақы 15 күн ішінде");
    expect(maskPersonalData("12345 өтініш")).toBe("12345 өтініш");
  });
});

describe("highlight", () => {
  const pension = (word: string) => stemKazakh(word) === stemKazakh("зейнетақы");

  it("returns a short text whole with the ranges of the matching words", () => {
    const { snippet, ranges } = highlight("Зейнетақыны  қалай\nалуға болады?", pension, { maxLength: 100 });
    expect(snippet).toBe("Зейнетақыны қалай алуға болады?");
    expect(ranges).toEqual([[0, 11]]);
  });

  it("picks the window with the most matching words and marks … where it cuts", () => {
    const filler = "Бұл мәтін басқа тақырып туралы айтады және іздеуге қатысы жоқ. ".repeat(5);
    const text = `${filler}Зейнетақы төлемі туралы: зейнетақыны алу үшін зейнетақы қорына жазыңыз. ${filler}`;
    const { snippet, ranges } = highlight(text, pension, { maxLength: 120 });
    expect(snippet.length).toBeLessThanOrEqual(120);
    expect(snippet.startsWith("…")).toBe(true);
    expect(snippet.endsWith("…")).toBe(true);
    expect(ranges.map(([from, to]) => snippet.slice(from, to))).toEqual(["Зейнетақы", "зейнетақыны", "зейнетақы"]);
    // Cut at word boundaries: no half word after the leading … or before the trailing one.
    expect(text).toContain(snippet.slice(1, -1));
    expect(snippet.slice(1, -1)).toMatch(/^\S.*\S$/);
    expect(/[\p{L}]/u.test(text.charAt(text.indexOf(snippet.slice(1, -1)) - 1))).toBe(false);
  });

  it("starts at the beginning when nothing matches", () => {
    const { snippet, ranges } = highlight("Бірінші сөйлем. Екінші сөйлем. Үшінші сөйлем.", () => false, { maxLength: 20 });
    expect(snippet).toBe("Бірінші сөйлем…");
    expect(ranges).toEqual([]);
  });

  it("keeps the text's own end without a trailing …", () => {
    const { snippet, ranges } = highlight("Алдымен көп сөз бар, ал соңында зейнетақы.", pension, { maxLength: 30 });
    expect(snippet).toBe("…бар, ал соңында зейнетақы.");
    expect(ranges.map(([from, to]) => snippet.slice(from, to))).toEqual(["зейнетақы"]);
  });

  it("cuts a single word longer than the snippet", () => {
    expect(highlight("Мемлекеттендірілмегендіктен сөзі", () => false, { maxLength: 10 }).snippet).toBe("Мемлекетт…");
  });
});
