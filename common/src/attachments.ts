/**
 * The documents citizens and staff may attach (to an appeal or in a conversation): scans, photos, office files,
 * plain text — by extension, with the content type stored. The server also checks each file's first bytes;
 * the web app offers these in its file pickers and refuses anything else before uploading.
 */
export const ATTACHMENT_TYPES = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  odt: "application/vnd.oasis.opendocument.text",
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  txt: "text/plain",
} as const;
export type AttachmentExtension = keyof typeof ATTACHMENT_TYPES;

export const ATTACHMENT_EXTENSIONS = Object.keys(ATTACHMENT_TYPES) as AttachmentExtension[];

/** The `accept` list of a file picker. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(",");

/** The extension of a file name when it is one of the allowed ones, else null. */
export function attachmentExtension(fileName: string): AttachmentExtension | null {
  if (!fileName.includes(".")) {
    return null;
  }
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  return Object.hasOwn(ATTACHMENT_TYPES, extension) ? (extension as AttachmentExtension) : null;
}
