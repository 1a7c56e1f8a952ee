import { KZ_UTC_OFFSET_MINUTES } from "@bailanys/common/calendar";

// Mantine date pickers hold wall-clock strings ("YYYY-MM-DD HH:mm:ss"); ours always mean Almaty wall-clock time.
const OFFSET_MS = KZ_UTC_OFFSET_MINUTES * 60_000;
const PICKER_VALUE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/;

/** The current moment as a date-time picker value in Almaty time. */
export function almatyNowInput(now: Date = new Date()): string {
  return new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

/** Today's date in Almaty as `YYYY-MM-DD`. */
export function almatyToday(now: Date = new Date()): string {
  return almatyNowInput(now).slice(0, 10);
}

/** A picker value (Almaty wall-clock time) as an ISO instant with the +05:00 offset; null when it does not parse. */
export function almatyInputToIso(value: string | null): string | null {
  const match = value ? PICKER_VALUE.exec(value) : null;
  if (!match) {
    return null;
  }
  const iso = `${match[1]}T${match[2]}${match[3] ?? ":00"}+05:00`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** An ISO instant as a picker value in Almaty time. */
export function isoToAlmatyInput(iso: string): string {
  return almatyNowInput(new Date(iso));
}
