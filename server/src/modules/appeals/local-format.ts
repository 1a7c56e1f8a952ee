import { toLocal, type CalendarRules } from "@bailanys/common/calendar";

/** 'DD.MM.YYYY' in the contact centre's local time — how dates are written to citizens in Kazakhstan. */
export function localDateText(rules: CalendarRules, instant: Date): string {
  const { date } = toLocal(rules, instant);
  const [y, m, d] = date.split("-");
  return `${d}.${m}.${y}`;
}

export function localDateTimeText(rules: CalendarRules, instant: Date): string {
  const { time } = toLocal(rules, instant);
  return `${localDateText(rules, instant)} ${time.slice(0, 5)}`;
}
