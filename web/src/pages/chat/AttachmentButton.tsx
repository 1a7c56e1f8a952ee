import { Loader, UnstyledButton } from "@mantine/core";
import { IconPaperclip } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError } from "../../lib/notifyError.ts";
import { downloadChatFile } from "./chatFiles.ts";
import { describeSize } from "./chatFormat.ts";
import type { ChatAttachment } from "./chatLog.ts";
import type { ChatCredentials } from "./chatApi.ts";

/** A file of the chat; it needs the chat's token, so it is fetched on click and handed over as a download. */
export function AttachmentButton({ chat, attachment, inverted }: { chat: ChatCredentials | null; attachment: ChatAttachment; inverted: boolean }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const size = describeSize(attachment.sizeBytes);
  const sizeText = t(`chat.size.${size.unit}`, { value: size.value });

  const download = () => {
    if (chat === null || busy) {
      return;
    }
    setBusy(true);
    downloadChatFile(chat, attachment)
      .catch((error: unknown) => notifyError(error))
      .finally(() => setBusy(false));
  };

  return (
    <UnstyledButton
      onClick={download}
      aria-label={t("chat.composer.download", { name: attachment.fileName, size: sizeText })}
      aria-busy={busy}
      display="flex"
      mt={4}
      style={{ alignItems: "center", gap: 6, textDecoration: "underline", color: inverted ? "white" : "var(--mantine-color-bailanys-9)", overflowWrap: "anywhere", fontSize: "var(--mantine-font-size-sm)", textAlign: "start" }}
    >
      {busy ? <Loader size={14} color={inverted ? "white" : "bailanys.9"} aria-hidden /> : <IconPaperclip size={16} aria-hidden style={{ flexShrink: 0 }} />}
      <span>
        {attachment.fileName} ({sizeText})
      </span>
    </UnstyledButton>
  );
}
