import { ERRORS, isErrorCode } from "@bailanys/common/errors";
import { ApiError, type ApiFieldError } from "../api/client.ts";
import { currentLocale, i18n } from "../i18n/i18n.ts";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** The server's error body as an ApiError, with the catalogue's message when the body has none. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  const fallback = status === 413 ? "ATTACHMENT_TOO_LARGE" : status === 429 ? "RATE_LIMITED" : "INTERNAL";
  const code = error && typeof error.code === "string" ? error.code : fallback;
  const message =
    error && typeof error.message === "string" && error.message !== ""
      ? error.message
      : ERRORS[isErrorCode(code) ? code : fallback].message[currentLocale()];
  const fields: ApiFieldError[] =
    error && Array.isArray(error.fields)
      ? error.fields.filter(isRecord).map((f) => ({ field: String(f.field ?? ""), code: String(f.code ?? ""), message: String(f.message ?? "") }))
      : [];
  return new ApiError(status, code, message, fields);
}

export interface UploadRequest {
  url: string;
  file: File;
  headers: Record<string, string>;
  /** Send the session cookie (staff); the citizen's chat authenticates with a header instead. */
  withCredentials?: boolean;
  onProgress: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * Uploads one file as multipart (field `file`) and resolves with the server's JSON answer. XMLHttpRequest rather
 * than fetch, because only it reports upload progress, which someone on a slow mobile line needs to see.
 */
export function uploadFile({ url, file, headers, withCredentials = false, onProgress, signal }: UploadRequest): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.withCredentials = withCredentials;
    for (const [name, value] of Object.entries({ Accept: "application/json", "Accept-Language": currentLocale(), ...headers })) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress(event.loaded / event.total);
      }
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // A proxy's error page: apiErrorFrom falls back to the catalogue's message.
      }
      // The id check guards against a proxy's page answering 200.
      if (xhr.status >= 200 && xhr.status < 300 && isRecord(body) && typeof body.id === "string") {
        resolve(body);
      } else {
        reject(apiErrorFrom(xhr.status, body));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, "NETWORK", i18n.t("errors.network")));
    xhr.onabort = () => reject(new DOMException("The upload was cancelled", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
}
