import type { BoardDto } from "@bailanys/common/api/contacts";
import type { AgentPresence } from "@bailanys/common/contacts";

type BoardAgent = BoardDto["agents"][number];

/** Common contact-centre thresholds: on target from 80 %, a warning from 60 %. */
export function serviceLevelColor(pct: number | null): string {
  if (pct === null) {
    return "gray";
  }
  return pct >= 80 ? "teal" : pct >= 60 ? "yellow" : "red";
}

/** "87 %" (whole per cent), or a dash before anything was answered or abandoned today. */
export function formatPercent(pct: number | null): string {
  return pct === null ? "—" : `${Math.round(pct)} %`;
}

/** A wait is late once it passes the queue's service-level target, and urgent at twice that. */
export function waitColor(seconds: number | null, targetSeconds: number): string | undefined {
  if (seconds === null) {
    return undefined;
  }
  return seconds >= 2 * targetSeconds ? "red.7" : seconds >= targetSeconds ? "orange.7" : undefined;
}

const PRESENCE_ORDER: Record<AgentPresence, number> = { busy: 0, wrapup: 1, ready: 2, not_ready: 3, offline: 4 };

/** Working operators first (busy, wrap-up, ready), then not ready, then offline; by name within each. */
export function sortAgents(agents: readonly BoardAgent[]): BoardAgent[] {
  return [...agents].sort((a, b) => PRESENCE_ORDER[a.presence] - PRESENCE_ORDER[b.presence] || a.name.localeCompare(b.name));
}
