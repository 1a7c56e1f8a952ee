import { isLocale } from "@bailanys/common/locales";
import { useEffect, useRef } from "react";
import { useSession } from "../session/useSession.ts";

/** The language a public link asks for (`?lang=`) wins once, at arrival; the reader's own switch wins after that. */
export function useLanguageParam(lang: string | null): void {
  const { changeLocale } = useSession();
  const applied = useRef(false);
  useEffect(() => {
    if (!applied.current && isLocale(lang)) {
      applied.current = true;
      changeLocale(lang).catch(() => undefined);
    }
  }, [lang, changeLocale]);
}
