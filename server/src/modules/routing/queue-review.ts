import type { WideningStep } from "./routing-rules.ts";
import { nextWideningAt } from "./routing-rules.ts";

export interface ReviewedQueue {
  widening: readonly WideningStep[];
  overflow_queue_id: string | null;
  overflow_after_seconds: number | null;
  callback_after_seconds: number | null;
}

/**
 * When the routing sweep must next look at a waiting contact: its next widening step, its overflow, or the
 * moment to offer a callback, whichever comes first; null when nothing more will happen by waiting.
 */
export function nextReviewAt(queue: ReviewedQueue, queuedAt: Date, widenStep: number, callbackOfferedAt: Date | null): Date | null {
  const candidates: number[] = [];
  const widen = nextWideningAt(queue.widening, widenStep);
  if (widen !== null) {
    candidates.push(widen);
  }
  if (queue.overflow_queue_id !== null && queue.overflow_after_seconds !== null) {
    candidates.push(queue.overflow_after_seconds);
  }
  if (queue.callback_after_seconds !== null && callbackOfferedAt === null) {
    candidates.push(queue.callback_after_seconds);
  }
  if (candidates.length === 0) {
    return null;
  }
  return new Date(queuedAt.getTime() + Math.min(...candidates) * 1000);
}
