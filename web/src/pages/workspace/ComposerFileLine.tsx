import { CloseButton, Group, Loader, Progress, Text } from "@mantine/core";
import { IconPaperclip } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useSizeText, type ComposerFile } from "./useComposerFile.ts";

interface Props {
  file: ComposerFile | null;
  problem: string | null;
  onRemove: () => void;
}

/** The file going with the next message (uploading with its progress, or ready), or why it was refused. */
export function ComposerFileLine({ file, problem, onRemove }: Props) {
  const { t } = useTranslation();
  const sizeText = useSizeText();
  if (problem !== null) {
    return (
      <Text size="sm" c="red.8" mb={6} role="alert" data-testid="agent-attach-problem">
        {problem}
      </Text>
    );
  }
  if (file === null) {
    return null;
  }
  const uploading = file.uploaded === null;
  const percent = Math.round(file.progress * 100);
  return (
    <div role="status" data-testid="agent-attachment" data-ready={!uploading} style={{ marginBottom: 6 }}>
      <Group gap="xs" wrap="nowrap">
        {uploading ? <Loader size={14} aria-hidden /> : <IconPaperclip size={16} aria-hidden />}
        <Text size="sm" miw={0} style={{ overflowWrap: "anywhere", flex: 1 }}>
          {file.uploaded === null ? t("workspace.composer.uploading", { name: file.name, percent }) : `${t("workspace.composer.attached", { name: file.name })} (${sizeText(file.uploaded.sizeBytes)})`}
        </Text>
        <CloseButton size="sm" aria-label={t("workspace.composer.removeAttachment", { name: file.name })} onClick={onRemove} />
      </Group>
      {uploading && <Progress value={percent} size="xs" mt={4} aria-hidden />}
    </div>
  );
}
