import { ATTACHMENT_ACCEPT, attachmentExtension } from "@bailanys/common/attachments";
import type { ArticleDto } from "@bailanys/common/api/kb";
import { ActionIcon, Anchor, Button, FileButton, Group, Stack, Text, Title } from "@mantine/core";
import { IconFileDownload, IconPaperclip, IconTrash, IconUpload } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, apiNoContent } from "../../../api/client.ts";
import { deleteWithNotice } from "../../../lib/deleteWithNotice.ts";
import { notifyError, notifySuccess } from "../../../lib/notifyError.ts";
import { DocumentTextBadge } from "./DocumentTextBadge.tsx";
import { useDocumentTextStates } from "./useDocumentTextStates.ts";

interface Props {
  article: ArticleDto;
  /** May attach and remove files (kb.write, not archived). */
  canWrite: boolean;
  /** May download the Markdown (kb.write). */
  canExport: boolean;
  onChanged: () => void;
}

const kib = (bytes: number): string => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** The article's attachments (download, remove, upload) and each written language as a Markdown file. */
export function ArticleFiles({ article, canWrite, canExport, onChanged }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const reset = useRef<() => void>(null);
  const base = `/api/v1/kb/articles/${article.id}`;
  const textStates = useDocumentTextStates(article);
  const written = !canExport ? [] : article.translations.filter((x) => x.published !== null || x.open !== null);

  const upload = async (file: File | null) => {
    reset.current?.();
    if (file === null) {
      return;
    }
    if (attachmentExtension(file.name) === null) {
      setProblem(t("kbEditor.files.wrongType", { name: file.name }));
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const form = new FormData();
      form.append("file", file, file.name);
      await api(`/kb/articles/${article.id}/attachments`, { method: "POST", form });
      notifySuccess(t("kbEditor.files.uploaded", { name: file.name }));
      onChanged();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  const remove = (attachmentId: string) =>
    deleteWithNotice(async () => {
      await apiNoContent(`/kb/articles/${article.id}/attachments/${attachmentId}`, { method: "DELETE" });
      onChanged();
    });

  return (
    <Stack gap="sm" data-testid="kb-files">
      <Title order={3} size="h4">
        {t("kbEditor.files.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("kbEditor.files.hint")}
      </Text>
      {article.attachments.length === 0 ? (
        <Text size="sm">{t("kbEditor.files.none")}</Text>
      ) : (
        <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: "none" }}>
          {article.attachments.map((file) => (
            <Group component="li" key={file.id} gap="xs" wrap="nowrap" data-testid="kb-file">
              <Anchor href={`${base}/attachments/${file.id}`} download={file.fileName} size="sm" style={{ overflowWrap: "anywhere" }}>
                <IconPaperclip size={14} aria-hidden style={{ verticalAlign: "-2px", marginRight: 4 }} />
                {file.fileName} ({kib(file.sizeBytes)})
              </Anchor>
              <DocumentTextBadge articleId={article.id} file={file} text={textStates[file.id] ?? { state: file.textState, recognized: file.textRecognized }} canOpen={canExport} />
              {canWrite && (
                <ActionIcon variant="subtle" color="red" onClick={() => void remove(file.id)} aria-label={t("kbEditor.files.remove", { name: file.fileName })} title={t("kbEditor.files.remove", { name: file.fileName })} data-testid="kb-file-remove">
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {problem !== null && (
        <Text size="sm" c="red.9" role="alert">
          {problem}
        </Text>
      )}
      <Group gap="xs">
        {canWrite && (
          <FileButton onChange={(f) => void upload(f)} resetRef={reset} accept={ATTACHMENT_ACCEPT} disabled={busy}>
            {(props) => (
              <Button {...props} variant="default" loading={busy} leftSection={<IconUpload size={16} aria-hidden />} data-testid="kb-file-upload">
                {t("kbEditor.files.upload")}
              </Button>
            )}
          </FileButton>
        )}
        {written.map((x) => (
          <Button
            key={x.locale}
            component="a"
            href={`${base}/markdown?${new URLSearchParams({ locale: x.locale }).toString()}`}
            download
            variant="subtle"
            leftSection={<IconFileDownload size={16} aria-hidden />}
            data-testid={`kb-markdown-${x.locale}`}
          >
            {t("kbEditor.files.markdown", { language: t(`locale.${x.locale}`) })}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
