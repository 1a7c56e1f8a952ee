import { DatesProvider } from "@mantine/dates";
import type { ReactNode } from "react";
import { useLocale } from "../i18n/useLocale.ts";

/** Date pickers follow the interface language (month and weekday names); weeks start on Monday in Kazakhstan. */
export function LocalizedDates({ children }: { children: ReactNode }) {
  const locale = useLocale();
  return <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}
