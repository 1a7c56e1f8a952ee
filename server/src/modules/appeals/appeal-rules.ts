import type { TransitionOption } from "@bailanys/common/api/appeals";
import { localEndOfDay, toLocal, type CalendarRules } from "@bailanys/common/calendar";
import { localizedName, type Locale } from "@bailanys/common/locales";
import type { Permission } from "@bailanys/common/permissions";
import type { Actor } from "../../platform/actor.ts";
import { AppError } from "../../platform/app-error.ts";
import type { ReferenceSnapshot } from "../reference/reference.snapshot.ts";
import type { AppealRow } from "./appeal.repository.ts";

/** АППК Art. 76: an extended term ends at most two months after receipt (same day of month, or the month's last). */
export function extensionLimit(rules: CalendarRules, receivedAt: Date): { date: string; endAt: Date } {
  const [y = 0, m = 1, d = 1] = toLocal(rules, receivedAt).date.split("-").map(Number);
  const monthIndex = m - 1 + 2;
  const year = y + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const date = `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
  return { date, endAt: localEndOfDay(rules, date) };
}

/** Whether a string is a UUID PostgreSQL accepts; anything else would fail the query instead of finding nothing. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

export function isClosedStatus(ref: ReferenceSnapshot, code: string): boolean {
  return ref.statuses.get(code)?.phase === "closed";
}

/** The edges of the status graph the actor may take now, through the generic transition action. */
export function availableTransitions(ref: ReferenceSnapshot, actor: Actor, appeal: AppealRow, locale: Locale): TransitionOption[] {
  const kind = ref.kinds.get(appeal.kind_code);
  const options: TransitionOption[] = [];
  for (const edge of ref.transitions) {
    if (edge.from_status !== appeal.status_code) {
      continue;
    }
    const target = ref.statuses.get(edge.to_status);
    if (!target || !target.active || target.action !== null || !actor.permissions.has(edge.permission as Permission)) {
      continue;
    }
    options.push({
      to: { code: target.code, name: localizedName(target, locale), phase: target.phase, color: target.color },
      requiresReason: edge.requires_reason,
      requiresClientMessage: edge.requires_client_message,
      requiresOutcome: target.phase === "closed" && (kind?.requires_outcome ?? false),
    });
  }
  return options.sort((a, b) => (ref.statuses.get(a.to.code)?.sort ?? 0) - (ref.statuses.get(b.to.code)?.sort ?? 0));
}

/** The status an action (forward, withdraw, duplicate) leads to from the current one; throws if the graph forbids it. */
export function actionTarget(ref: ReferenceSnapshot, actor: Actor, from: string, action: "forward" | "withdraw" | "duplicate") {
  const target = [...ref.statuses.values()].find((s) => s.action === action && s.active);
  const edge = target ? ref.transitions.find((t) => t.from_status === from && t.to_status === target.code) : undefined;
  if (!target || !edge) {
    throw new AppError("TRANSITION_NOT_ALLOWED");
  }
  if (!actor.permissions.has(edge.permission as Permission)) {
    throw new AppError("FORBIDDEN");
  }
  return { status: target, edge };
}
