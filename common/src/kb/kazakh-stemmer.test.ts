import { describe, expect, it } from "vitest";
import { stemKazakh } from "./kazakh-stemmer.ts";

// Every form in a family must give the base form's stem.
function expectSameStem(...forms: string[]): void {
  const [base, ...rest] = forms;
  const stem = stemKazakh(base ?? "");
  for (const form of rest) {
    expect({ form, stem: stemKazakh(form) }).toEqual({ form, stem });
  }
}

describe("stemKazakh", () => {
  it("brings case, possessive and plural forms of a word to one stem", () => {
    expectSameStem("зейнетақы", "зейнетақының", "зейнетақыға", "зейнетақыны", "зейнетақылар", "зейнетақысын", "зейнетақыңыз");
    expectSameStem("жәрдемақы", "жәрдемақысы", "жәрдемақыны");
    expectSameStem("анықтама", "анықтамалар", "анықтаманы", "анықтамасын", "анықтамалардың", "анықтамасында");
    expectSameStem("құжат", "құжаттар", "құжаттарды", "құжатты", "құжаттарыңызды", "құжатпен");
    expectSameStem("мекенжай", "мекенжайы", "мекенжайлары", "мекенжайдағы");
    expectSameStem("тіркеу", "тіркеуге", "тіркеуден");
    expectSameStem("төлем", "төлемі", "төлемдер");
    expectSameStem("әкімдік", "әкімдікке", "әкімдіктің");
    expectSameStem("бағдарлама", "бағдарламасы", "бағдарламаға", "бағдарламаларымыз");
    expectSameStem("қызмет", "қызметі", "қызметтерді", "қызметтен");
    expectSameStem("жыл", "жылғы", "жылдар");
  });

  it("undoes the voicing of a final п, к, қ before a vowel", () => {
    expectSameStem("кітап", "кітабы", "кітабын", "кітапқа");
    expectSameStem("көмек", "көмегі", "көмекпен");
    expectSameStem("құқық", "құқығы", "құқықтар");
    expect(stemKazakh("кітабы")).toBe("кітап");
  });

  it("gives one stem whichever way an ambiguous -сы or -ны splits", () => {
    // кеңесі is кеңес+і, қаласы is қала+сы; органы is орган+ы, анықтаманы is анықтама+ны.
    expectSameStem("кеңес", "кеңесі", "кеңестер");
    expectSameStem("жұмыс", "жұмысы", "жұмыстан");
    expectSameStem("қала", "қаласы", "қалада");
    expectSameStem("орган", "органы", "органдар", "органға");
    expectSameStem("кеден", "кедені", "кеденге");
  });

  it("lets a root that ends like a suffix meet its inflected forms", () => {
    expectSameStem("қазақстан", "қазақстанда", "қазақстандағы", "қазақстанның");
    expectSameStem("тұрғын", "тұрғыны", "тұрғындар");
  });

  it("leaves endings alone after sounds they never follow", () => {
    // -та follows a voiceless consonant, -лар a vowel, р or й: карта and доллар are whole words.
    expect(stemKazakh("карта")).toBe("карта");
    expect(stemKazakh("доллар")).toBe("доллар");
    expect(stemKazakh("анықтама")).toBe("анықтама");
  });

  it("keeps short words and never leaves fewer than three letters", () => {
    for (const word of ["ана", "ат", "ата", "мен", "ол", "заң", "іс", "күн", "біз"]) {
      expect(stemKazakh(word)).toBe(word);
    }
    expect(stemKazakh("заңы")).toBe("заң");
    expect(stemKazakh("атқа")).toBe("атқа");
    expect(stemKazakh("")).toBe("");
  });

  it("keeps different words apart", () => {
    const pairs = [
      ["ана", "ат"],
      ["әкім", "әкімдік"],
      ["азамат", "азаматтық"],
      ["мемлекет", "мемлекеттік"],
      ["оқу", "оқушы"],
      ["төлем", "төлеу"],
      ["білім", "білу"],
      ["қала", "қалу"],
      ["зейнетақы", "жәрдемақы"],
    ] as const;
    for (const [a, b] of pairs) {
      expect(stemKazakh(a), `${a} vs ${b}`).not.toBe(stemKazakh(b));
    }
  });

  it("leaves Latin words and numbers as they are", () => {
    expect(stemKazakh("egov")).toBe("egov");
    expect(stemKazakh("2024")).toBe("2024");
  });
});
