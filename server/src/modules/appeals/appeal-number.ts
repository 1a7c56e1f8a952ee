import { toLocal, type CalendarRules } from "@bailanys/common/calendar";

/** Registration number in the eOtinish shape `PREFIX-YYYY-NNNNNNNN` (year of receipt, local time). */
export function formatAppealNumber(prefix: string, rules: CalendarRules, receivedAt: Date, sequence: number): string {
  return `${prefix}-${toLocal(rules, receivedAt).date.slice(0, 4)}-${String(sequence).padStart(8, "0")}`;
}
