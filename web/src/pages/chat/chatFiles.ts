import { ApiError } from "../../api/client.ts";
import { apiErrorFrom, uploadFile } from "../../lib/uploadFile.ts";
import { currentLocale, i18n } from "../../i18n/i18n.ts";
import { chatPath, type ChatCredentials } from "./chatApi.ts";
import type { ChatAttachment } from "./chatLog.ts";

const BASE = "/api/v1";

/** Uploads one file for the chat, authenticated by the chat's token. */
export async function uploadChatFile(c: ChatCredentials, file: File, onProgress: (fraction: number) => void): Promise<ChatAttachment> {
  // The server validates its answer against the shared schema.
  return (await uploadFile({ url: `${BASE}${chatPath(c)}/attachments`, file, headers: { "X-Chat-Token": c.token }, onProgress })) as ChatAttachment;
}

/**
 * Removes a file the citizen uploaded but decided not to send, so it is not kept. Best effort: if it fails, the
 * file stays stored unsent (it is never shown to anyone), which is not worth troubling the citizen about.
 */
export async function removeChatFile(c: ChatCredentials, attachment: ChatAttachment): Promise<void> {
  try {
    await fetch(`${BASE}${chatPath(c)}/attachments/${encodeURIComponent(attachment.id)}`, { method: "DELETE", headers: { "X-Chat-Token": c.token } });
  } catch {
    // offline: see above
  }
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
