import { MIN_NOTICE_INTERVAL_SECONDS } from "@bailanys/common/api/voice-admin";
import type { Locale } from "@bailanys/common/locales";
import type { InboundCall } from "../gateway/inbound-call.ts";
import type { PromptSource } from "./ivr-runner.ts";

/**
 * Places and minutes are said up to this number ("more than 50 callers are ahead of you" beyond it): the prompts
 * for each number are rendered ahead, at start-up, so that announcing never waits on speech synthesis.
 */
export const MAX_SPOKEN = 50;


/** What keeps a queue's announcement settings from being saved (R12.2: at most once a minute): the field and the problem. */
export function announcementProblems(settings: { noticeIntervalSeconds: number }): { field: "noticeIntervalSeconds"; problem: "too_short" }[] {
  return settings.noticeIntervalSeconds < MIN_NOTICE_INTERVAL_SECONDS ? [{ field: "noticeIntervalSeconds", problem: "too_short" }] : [];
}

export interface WaitStatus {
  position: number;
  /** Seconds, when the queue's history allows a guess. */
  expectedWaitSeconds: number | null;
}

export interface AnnouncerOptions {
  locale: Locale;
  prompts: PromptSource;
  /** The caller's place now (asked before every announcement, so it is current). */
  status(): WaitStatus;
  waitingIsFree: boolean;
  /** Prompts played after the notice each time (the offer of a callback, R13.1). */
  also?: string[];
  /** Validated by `announcementProblems` where it is configured; tests pass shorter ones. */
  intervalSeconds: number;
  /** Called as each announcement starts and ends (metrics, tests). */
  onAnnouncement?(event: { at: "start" | "end"; time: number }): void;
}

/**
 * While a caller waits for an operator (R12.1, R12.2): the expected wait (or the position when there is no
 * estimate), then that waiting is free or paid; again `intervalSeconds` after the previous announcement
 * ended — counted from its end, so a long announcement never shortens the pause. Stops when the call is
 * answered (`stop`) or the caller hangs up.
 */
export function announceWhileWaiting(call: InboundCall, options: AnnouncerOptions): { stop(): void; readonly announcements: number } {
  let stopped = false;
  let announcements = 0;
  let pause: NodeJS.Timeout | null = null;
  const announce = async (): Promise<void> => {
    if (stopped || call.endedBecause !== null) {
      return;
    }
    const { position, expectedWaitSeconds } = options.status();
    const place = expectedWaitSeconds !== null ? `wait_minutes:${Math.min(MAX_SPOKEN, Math.max(1, Math.ceil(expectedWaitSeconds / 60)))}` : position > MAX_SPOKEN ? `position_over:${MAX_SPOKEN}` : `position:${position}`;
    announcements += 1;
    options.onAnnouncement?.({ at: "start", time: Date.now() });
    const parts = await Promise.all([place, options.waitingIsFree ? "waiting_free" : "waiting_paid", ...(options.also ?? [])].map((key) => options.prompts(key, options.locale)));
    if (stopped || call.endedBecause !== null) {
      return;
    }
    await call.play(Buffer.concat(parts));
    options.onAnnouncement?.({ at: "end", time: Date.now() });
    if (!stopped) {
      pause = setTimeout(() => void announce(), options.intervalSeconds * 1000);
    }
  };
  void announce();
  return {
    stop() {
      stopped = true;
      if (pause !== null) {
        clearTimeout(pause);
      }
      call.media.stopPlayback();
    },
    get announcements() {
      return announcements;
    },
  };
}
