import type { ServerFrame } from "@bailanys/common/api/contacts";

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 15_000;

/** Wait before reconnect attempt (staff and citizen sockets alike) `attempt` (0-based): 1 s, 2 s, 4 s, 8 s, then 15 s for good. */
export function reconnectDelay(attempt: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, Math.min(attempt, 10)));
}

/** A socket's address on this page's origin (wss: behind https, so the session cookie travels). */
export function socketUrl(location: { protocol: string; host: string }, path: string): string {
  return `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}${path}`;
}

/** The staff socket's address. */
export function staffSocketUrl(location: { protocol: string; host: string }): string {
  return socketUrl(location, "/api/v1/ws");
}

/** A server frame, or null for anything that is not a JSON object with a type tag. */
export function parseFrame(data: unknown): ServerFrame | null {
  if (typeof data !== "string") {
    return null;
  }
  try {
    const value: unknown = JSON.parse(data);
    // The server builds every frame from the shared ServerFrame union; the type tag is what we dispatch on.
    return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string" ? (value as ServerFrame) : null;
  } catch {
    return null;
  }
}
