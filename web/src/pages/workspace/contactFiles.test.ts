import { ATTACHMENT_ACCEPT } from "@bailanys/common/attachments";
import { CHAT_LIMITS } from "@bailanys/common/contacts";
import { describe, expect, it } from "vitest";
import { attachmentHref, attachmentProblem, attachmentsPath, messageTextWithFile } from "./contactFiles.ts";

describe("attachmentProblem", () => {
  it("lets through the document types the server takes, whatever the case of the extension", () => {
    expect(attachmentProblem({ name: "Справка.PDF", size: 1000 })).toBeNull();
    expect(attachmentProblem({ name: "scan.jpeg", size: CHAT_LIMITS.attachmentMaxBytes })).toBeNull();
    expect(ATTACHMENT_ACCEPT).toContain(".docx");
  });

  it("refuses other types and files without an extension", () => {
    expect(attachmentProblem({ name: "setup.exe", size: 10 })).toBe("ATTACHMENT_TYPE_NOT_ALLOWED");
    expect(attachmentProblem({ name: "pdf", size: 10 })).toBe("ATTACHMENT_TYPE_NOT_ALLOWED");
  });

  it("refuses a file over the limit", () => {
    expect(attachmentProblem({ name: "big.pdf", size: CHAT_LIMITS.attachmentMaxBytes + 1 })).toBe("ATTACHMENT_TOO_LARGE");
  });
});

describe("attachmentHref", () => {
  it("points at the staff download of the conversation's file", () => {
    expect(attachmentHref("c1", "a1")).toBe("/api/v1/contacts/c1/attachments/a1");
    expect(attachmentsPath("c1")).toBe("/api/v1/contacts/c1/attachments");
  });
});

describe("messageTextWithFile", () => {
  it("keeps what the operator typed and falls back to the file name", () => {
    expect(messageTextWithFile("  Вот справка ", "spravka.pdf")).toBe("Вот справка");
    expect(messageTextWithFile("   ", "spravka.pdf")).toBe("spravka.pdf");
    expect(messageTextWithFile("", null)).toBe("");
  });

  it("never exceeds the message limit", () => {
    expect(messageTextWithFile("", `${"a".repeat(30)}.pdf`, 10)).toHaveLength(10);
  });
});
