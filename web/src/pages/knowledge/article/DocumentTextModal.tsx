import type { AttachmentTextDto } from "@bailanys/common/api/kb";
import { Alert, Loader, Modal, ScrollArea, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isAbort } from "../../../api/client.ts";
import { notifyError } from "../../../lib/notifyError.ts";

interface Props {
  articleId: string;
  file: { id: string; fileName: string };
  onClose: () => void;
}

/** The text of an attached file exactly as the search knows it (recognised by OCR for a scan). */
export function DocumentTextModal({ articleId, file, onClose }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState<AttachmentTextDto | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api<AttachmentTextDto>(`/kb/articles/${articleId}/attachments/${file.id}/text`, { signal: controller.signal })
      .then(setText)
      .catch((error: unknown) => {
        if (!isAbort(error)) {
          notifyError(error);
          onClose();
        }
      });
    return () => controller.abort();
  }, [articleId, file.id, onClose]);

  return (
    <Modal opened onClose={onClose} size="lg" title={t("kbEditor.files.textTitle", { name: file.fileName })} closeButtonProps={{ "aria-label": t("common.close") }}>
      {text === null ? (
        <Loader size="sm" aria-label={t("common.loading")} />
      ) : (
        <>
          {text.textRecognized && (
            <Alert color="yellow" mb="sm">
              {t("kbEditor.files.textHint.recognized")}
            </Alert>
          )}
          <ScrollArea.Autosize mah="60vh">
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }} data-testid="kb-file-text-content">
              {text.text ?? ""}
            </Text>
          </ScrollArea.Autosize>
        </>
      )}
    </Modal>
  );
}
