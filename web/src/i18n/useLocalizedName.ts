import { useCallback } from "react";
import { useLocale } from "./useLocale.ts";

export interface Names {
  nameKk: string;
  nameRu: string;
  nameEn: string;
}

/** Picks a reference row's name in the interface language. */
export function useLocalizedName(): (row: Names | null | undefined) => string {
  const locale = useLocale();
  return useCallback(
    (row: Names | null | undefined) => {
      if (!row) {
        return "";
      }
      switch (locale) {
        case "kk":
          return row.nameKk;
        case "ru":
          return row.nameRu;
        case "en":
          return row.nameEn;
      }
    },
    [locale],
  );
}
