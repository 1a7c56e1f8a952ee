import { ERRORS, isErrorCode } from "@bailanys/common/errors";
import { currentLocale, i18n } from "../i18n/i18n.ts";

const BASE = "/api/v1";

export interface ApiFieldError {
  field: string;
  code: string;
  message: string;
}

/** A failed API call as the server explained it: a stable code, a message in the user's language, field problems. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: ApiFieldError[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** The token from the login response or /auth/session; cookie sessions must echo it on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone, so the app can send the user to the login page. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: Method;
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (file uploads), with `contentType`. */
  raw?: Blob;
  contentType?: string;
  /** Sent as multipart/form-data (a file in a form field); the browser writes the Content-Type with its boundary. */
  form?: FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Off for calls where 401 is an answer, not an expired session (sign-in, the start-up /auth/session). */
  redirectOn401?: boolean;
}

function url(path: string, query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return `${BASE}${path}${search ? `?${search}` : ""}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function parseFields(value: unknown): ApiFieldError[] {
  if (!Array.isArray(value)) {
    return [];
  }
  const text = (v: unknown): string => (typeof v === "string" ? v : "");
  return value.filter(isRecord).map((f) => ({ field: text(f.field), code: text(f.code), message: text(f.message) }));
}

function fallbackError(status: number): ApiError {
  const code = status === 429 ? "RATE_LIMITED" : status === 404 ? "ROUTE_NOT_FOUND" : "INTERNAL";
  return new ApiError(status, code, ERRORS[code].message[currentLocale()]);
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy's HTML error page or an empty body: fall back to the catalogue's message.
  }
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (!error || typeof error.code !== "string") {
    return fallbackError(response.status);
  }
  const message =
    typeof error.message === "string" && error.message !== ""
      ? error.message
      : isErrorCode(error.code)
        ? ERRORS[error.code].message[currentLocale()]
        : fallbackError(response.status).message;
  return new ApiError(response.status, error.code, message, parseFields(error.fields));
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": currentLocale(), ...options.headers };
  let body: BodyInit | undefined;
  if (options.form !== undefined) {
    body = options.form;
  } else if (options.raw !== undefined) {
    body = options.raw;
    headers["Content-Type"] = options.contentType ?? "application/octet-stream";
  } else if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers["Content-Type"] = "application/json";
  }
  if (method !== "GET" && csrfToken !== null) {
    headers["X-CSRF-Token"] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(url(path, options.query), { method, headers, body, credentials: "same-origin", signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") {
      throw error;
    }
    throw new ApiError(0, "NETWORK", i18n.t("errors.network"));
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && error.code === "UNAUTHENTICATED" && options.redirectOn401 !== false) {
      onUnauthenticated?.();
    }
    throw error;
  }
  return response;
}

/** Calls the API and returns the parsed JSON body; throws ApiError on any failure. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  // The server validates every response against the shared schema, so the body has the declared type.
  return (await response.json()) as T;
}

/** Calls an endpoint that answers 204 No Content. */
export async function apiNoContent(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}

/** True for the error fetch raises when a request was cancelled on purpose. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
