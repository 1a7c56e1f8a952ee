import { KZ_UTC_OFFSET_MINUTES } from "@bailanys/common/calendar";

// Every appeal deadline is a Kazakh legal time, so staff and citizens see UTC+5 whatever their device's zone is.
const OFFSET_MS = KZ_UTC_OFFSET_MINUTES * 60_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const two = (n: number): string => String(n).padStart(2, "0");

function shifted(iso: string): Date | null {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : new Date(time + OFFSET_MS);
}

/** An ISO instant as `DD.MM.YYYY HH:mm` in Asia/Almaty (UTC+5); an empty string for none. */
export function formatDateTime(iso: string | null | undefined): string {
  const d = iso ? shifted(iso) : null;
  if (!d) {
    return "";
  }
  return `${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** An ISO instant, or a local `YYYY-MM-DD` date, as `DD.MM.YYYY` in Asia/Almaty. */
export function formatDate(value: string | null | undefined): string {
  if (!value) {
    return "";
  }
  const local = LOCAL_DATE.exec(value);
  if (local) {
    return `${local[3]}.${local[2]}.${local[1]}`;
  }
  const d = shifted(value);
  return d ? `${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}` : "";
}
