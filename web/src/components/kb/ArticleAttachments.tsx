import type { ArticleViewDto } from "@bailanys/common/api/kb";
import { Anchor, Stack, Text } from "@mantine/core";
import { IconPaperclip } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

interface Props {
  attachments: ArticleViewDto["attachments"];
  /** The download address of one attachment (staff and public routes differ). */
  href(attachmentId: string): string;
}

const kib = (bytes: number): string => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** An article's files (forms, samples) as download links. */
export function ArticleAttachments({ attachments, href }: Props) {
  const { t } = useTranslation();
  if (attachments.length === 0) {
    return null;
  }
  return (
    <Stack gap={4} data-testid="kb-attachments">
      <Text size="sm" fw={700}>
        {t("kbPortal.article.attachments")}
      </Text>
      {attachments.map((file) => (
        <Anchor key={file.id} href={href(file.id)} size="sm" download={file.fileName}>
          <IconPaperclip size={14} aria-hidden style={{ verticalAlign: "-2px", marginRight: 4 }} />
          {file.fileName} ({kib(file.sizeBytes)})
        </Anchor>
      ))}
    </Stack>
  );
}
