import type { Names } from "../i18n/useLocalizedName.ts";

/** The given message under each of the three names left blank; every reference entry needs all three. */
export function missingNames(names: Names, message: string): Partial<Record<keyof Names, string>> {
  const found: Partial<Record<keyof Names, string>> = {};
  for (const key of ["nameKk", "nameRu", "nameEn"] as const) {
    if (names[key].trim() === "") {
      found[key] = message;
    }
  }
  return found;
}
