import { uploadFile } from "../../lib/uploadFile.ts";
import { attachmentsPath } from "./contactFiles.ts";

/** A file stored for the conversation; a message sent with its id shows it to the citizen. */
export interface UploadedFile {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

interface Upload {
  contactId: string;
  file: File;
  /** The session's CSRF token: this is a write made with the cookie, like every call of the api client. */
  csrfToken: string | null;
  onProgress: (fraction: number) => void;
  signal?: AbortSignal;
}

/** Uploads one file for the operator to send; a write with the cookie, so it carries the CSRF token. */
export async function uploadContactFile({ contactId, file, csrfToken, onProgress, signal }: Upload): Promise<UploadedFile> {
  const headers: Record<string, string> = csrfToken === null ? {} : { "X-CSRF-Token": csrfToken };
  // The server validates its answer against the shared schema.
  return (await uploadFile({ url: attachmentsPath(contactId), file, headers, withCredentials: true, onProgress, ...(signal ? { signal } : {}) })) as UploadedFile;
}
