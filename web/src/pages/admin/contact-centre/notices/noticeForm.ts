import type { NoticeAdminDto, NoticeBody } from "@bailanys/common/api/contacts";
import type { ErrorCode } from "@bailanys/common/errors";
import { almatyInputToIso } from "../../../../lib/almatyInput.ts";

/** The notice dialog's state; times are picker values in Almaty wall-clock time, empty when not given. */
export interface NoticeForm {
  channels: string[];
  messageKk: string;
  messageRu: string;
  messageEn: string;
  alternativesKk: string;
  alternativesRu: string;
  alternativesEn: string;
  startsAt: string | null;
  resumeAt: string | null;
}

export const NOTICE_FIELDS = ["channels", "messageKk", "messageRu", "messageEn", "alternativesKk", "alternativesRu", "alternativesEn", "startsAt", "resumeAt"] as const;

export function emptyNoticeForm(): NoticeForm {
  return { channels: [], messageKk: "", messageRu: "", messageEn: "", alternativesKk: "", alternativesRu: "", alternativesEn: "", startsAt: null, resumeAt: null };
}

/** A picker value (Almaty time) as a UTC ISO instant; null when empty or unreadable. */
function toUtc(value: string | null): string | null {
  const iso = almatyInputToIso(value);
  return iso === null ? null : new Date(iso).toISOString();
}

/** Problems before sending: the message in all three languages; a resumption later than the start (or now). */
export function validateNoticeForm(form: NoticeForm, now: Date = new Date()): Record<string, ErrorCode> {
  const problems: Record<string, ErrorCode> = {};
  for (const key of ["messageKk", "messageRu", "messageEn"] as const) {
    if (form[key].trim() === "") {
      problems[key] = "FIELD_REQUIRED";
    }
  }
  const starts = toUtc(form.startsAt);
  const resume = toUtc(form.resumeAt);
  if (form.startsAt !== null && starts === null) {
    problems.startsAt = "DATE_INVALID";
  }
  if (form.resumeAt !== null && resume === null) {
    problems.resumeAt = "DATE_INVALID";
  } else if (resume !== null && Date.parse(resume) <= (starts === null ? now.getTime() : Date.parse(starts))) {
    problems.resumeAt = "FIELD_OUT_OF_RANGE";
  }
  return problems;
}

/** The request body: trimmed texts, the times in UTC; no start means "now" and no resumption "not known yet". */
export function noticeBody(form: NoticeForm): NoticeBody {
  const starts = toUtc(form.startsAt);
  return {
    channels: form.channels,
    messageKk: form.messageKk.trim(),
    messageRu: form.messageRu.trim(),
    messageEn: form.messageEn.trim(),
    alternativesKk: form.alternativesKk.trim(),
    alternativesRu: form.alternativesRu.trim(),
    alternativesEn: form.alternativesEn.trim(),
    ...(starts === null ? {} : { startsAt: starts }),
    resumeAt: toUtc(form.resumeAt),
  };
}

export type NoticePhase = "scheduled" | "current" | "ended";

/** Where a notice stands: ended once ended, scheduled until it starts, otherwise shown to citizens now. */
export function noticePhase(notice: NoticeAdminDto, now: Date = new Date()): NoticePhase {
  if (notice.endedAt !== null) {
    return "ended";
  }
  return Date.parse(notice.startsAt) > now.getTime() ? "scheduled" : "current";
}

/** Notices not ended first (newest start first), then the ended ones, most recently ended first. */
export function orderNotices(items: readonly NoticeAdminDto[]): NoticeAdminDto[] {
  const open = items.filter((n) => n.endedAt === null).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const ended = items.filter((n) => n.endedAt !== null).sort((a, b) => (b.endedAt ?? "").localeCompare(a.endedAt ?? ""));
  return [...open, ...ended];
}
