import type { LogEntryDto } from "@bailanys/common/api/contacts";
import { Anchor, Group, Text } from "@mantine/core";
import { IconDownload, IconPaperclip } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { attachmentHref } from "./contactFiles.ts";
import { useSizeText } from "./useComposerFile.ts";

type Attachment = NonNullable<LogEntryDto["attachment"]>;

/**
 * A file in a message, with its size and a download link. A plain link is enough: the session cookie goes with
 * a same-origin GET and the server answers with Content-Disposition: attachment, so nothing opens in the tab.
 */
export function MessageAttachment({ contactId, attachment }: { contactId: string | undefined; attachment: Attachment }) {
  const { t } = useTranslation();
  const sizeText = useSizeText();
  const size = sizeText(attachment.sizeBytes);
  const label = t("workspace.conversation.attachment", { name: attachment.fileName, size });
  return (
    <Group gap={4} wrap="nowrap" mt={4} data-testid="message-attachment" data-attachment-id={attachment.id}>
      <IconPaperclip size={14} aria-hidden style={{ flexShrink: 0 }} />
      {contactId === undefined ? (
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {label}
        </Text>
      ) : (
        <Anchor
          href={attachmentHref(contactId, attachment.id)}
          download={attachment.fileName}
          size="sm"
          aria-label={t("workspace.conversation.download", { name: attachment.fileName, size })}
          style={{ overflowWrap: "anywhere" }}
        >
          {label}
          <IconDownload size={14} aria-hidden style={{ marginInlineStart: 4, verticalAlign: "text-bottom" }} />
        </Anchor>
      )}
    </Group>
  );
}
