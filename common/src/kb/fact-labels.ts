import type { KbFactsDto } from "../api/kb.ts";
import type { Localized } from "../locales.ts";

/** The names of an article's structured facts, as citizens, operators and editors read them. */
export const FACT_LABELS: Record<keyof KbFactsDto | "offices", Localized> = {
  description: { kk: "Сипаттамасы", ru: "Описание", en: "Description" },
  documents: { kk: "Қажетті құжаттар", ru: "Необходимые документы", en: "Documents required" },
  fee: { kk: "Құны", ru: "Стоимость", en: "Fee" },
  term: { kk: "Мерзімі", ru: "Срок", en: "Term" },
  offices: { kk: "Қабылдау орындары", ru: "Где обратиться", en: "Where to apply" },
};
