import type { NoticeAdminDto } from "@bailanys/common/api/contacts";
import { describe, expect, it } from "vitest";
import { emptyNoticeForm, noticeBody, noticePhase, orderNotices, validateNoticeForm } from "./noticeForm.ts";

const NOW = new Date("2026-05-04T06:00:00Z"); // 11:00 in Astana
const filled = { ...emptyNoticeForm(), messageKk: " Жөндеу ", messageRu: "Ремонт", messageEn: "Maintenance" };

const notice = (id: string, startsAt: string, endedAt: string | null): NoticeAdminDto => ({
  id,
  channels: [],
  messageKk: "",
  messageRu: "",
  messageEn: "",
  alternativesKk: "",
  alternativesRu: "",
  alternativesEn: "",
  startsAt,
  resumeAt: null,
  endedAt,
});

describe("notice form", () => {
  it("sends Almaty picker times as UTC instants and leaves out an empty start", () => {
    expect(noticeBody({ ...filled, startsAt: "2026-05-04 12:30:00", resumeAt: "2026-05-04 18:00:00" })).toMatchObject({
      messageKk: "Жөндеу",
      startsAt: "2026-05-04T07:30:00.000Z",
      resumeAt: "2026-05-04T13:00:00.000Z",
    });
    const now = noticeBody(filled);
    expect(now).not.toHaveProperty("startsAt");
    expect(now.resumeAt).toBeNull();
    expect(now.channels).toEqual([]);
  });

  it("needs the message in all three languages", () => {
    expect(validateNoticeForm(emptyNoticeForm(), NOW)).toEqual({ messageKk: "FIELD_REQUIRED", messageRu: "FIELD_REQUIRED", messageEn: "FIELD_REQUIRED" });
  });

  it("needs the resumption after the start, or after now without a start", () => {
    expect(validateNoticeForm({ ...filled, resumeAt: "2026-05-04 10:59:00" }, NOW)).toEqual({ resumeAt: "FIELD_OUT_OF_RANGE" });
    expect(validateNoticeForm({ ...filled, resumeAt: "2026-05-04 11:30:00" }, NOW)).toEqual({});
    expect(validateNoticeForm({ ...filled, startsAt: "2026-05-05 09:00:00", resumeAt: "2026-05-05 09:00:00" }, NOW)).toEqual({ resumeAt: "FIELD_OUT_OF_RANGE" });
    expect(validateNoticeForm({ ...filled, startsAt: "tomorrow" }, NOW)).toEqual({ startsAt: "DATE_INVALID" });
  });

  it("tells scheduled, current and ended notices apart", () => {
    expect(noticePhase(notice("a", "2026-05-04T07:00:00.000Z", null), NOW)).toBe("scheduled");
    expect(noticePhase(notice("b", "2026-05-04T05:00:00.000Z", null), NOW)).toBe("current");
    expect(noticePhase(notice("c", "2026-05-04T05:00:00.000Z", "2026-05-04T05:30:00.000Z"), NOW)).toBe("ended");
  });

  it("lists notices in force first, then the ended ones by when they ended", () => {
    const items = [
      notice("old-ended", "2026-05-01T00:00:00.000Z", "2026-05-01T02:00:00.000Z"),
      notice("current", "2026-05-03T00:00:00.000Z", null),
      notice("recent-ended", "2026-04-01T00:00:00.000Z", "2026-05-02T00:00:00.000Z"),
      notice("newer", "2026-05-04T00:00:00.000Z", null),
    ];
    expect(orderNotices(items).map((n) => n.id)).toEqual(["newer", "current", "recent-ended", "old-ended"]);
  });
});
