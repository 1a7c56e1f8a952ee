import { ERRORS, isErrorCode } from "@bailanys/common/errors";
import { ApiError, type ApiFieldError } from "../../api/client.ts";
import { currentLocale, i18n } from "../../i18n/i18n.ts";
import { chatPath, type ChatCredentials } from "./chatApi.ts";
import type { ChatAttachment } from "./chatLog.ts";

const BASE = "/api/v1";

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

/**
 * Uploads one file for the chat. XMLHttpRequest rather than fetch, because only it reports upload progress,
 * which a citizen on a slow mobile line needs to see.
 */
export function uploadChatFile(c: ChatCredentials, file: File, onProgress: (fraction: number) => void): Promise<ChatAttachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${BASE}${chatPath(c)}/attachments`);
    xhr.setRequestHeader("X-Chat-Token", c.token);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Accept-Language", currentLocale());
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
        // A proxy's error page: apiErrorFrom falls back to the catalogue.
      }
      if (xhr.status >= 200 && xhr.status < 300 && isRecord(body) && typeof body.id === "string") {
        // The server validates its answer against the shared schema; the id check guards against a proxy's page.
        resolve(body as unknown as ChatAttachment);
      } else {
        reject(apiErrorFrom(xhr.status, body));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, "NETWORK", i18n.t("errors.network")));
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
}

/** Fetches a file of the chat with the token and hands it to the browser as a download. */
export async function downloadChatFile(c: ChatCredentials, attachment: ChatAttachment): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${BASE}${chatPath(c)}/attachments/${encodeURIComponent(attachment.id)}`, {
      headers: { "X-Chat-Token": c.token, "Accept-Language": currentLocale() },
    });
  } catch {
    throw new ApiError(0, "NETWORK", i18n.t("errors.network"));
  }
  if (!response.ok) {
    throw apiErrorFrom(response.status, await response.json().catch(() => null));
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = attachment.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty for it to start.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
