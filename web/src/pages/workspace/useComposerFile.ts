import { CHAT_LIMITS } from "@bailanys/common/contacts";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, apiNoContent, isAbort } from "../../api/client.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { errorText } from "../../lib/errorText.ts";
import { useSession } from "../../session/useSession.ts";
import { describeSize } from "../chat/chatFormat.ts";
import { attachmentProblem } from "./contactFiles.ts";
import { uploadContactFile, type UploadedFile } from "./uploadContactFile.ts";

/** The file going with the next message: on its way (with progress) or stored and waiting to be sent. */
export interface ComposerFile {
  name: string;
  progress: number;
  uploaded: UploadedFile | null;
}

/** A size in the reader's language, e.g. "1.2 MB". */
export function useSizeText(): (bytes: number) => string {
  const { t } = useTranslation();
  return useCallback(
    (bytes: number) => {
      const size = describeSize(bytes);
      return t(`chat.size.${size.unit}`, { value: size.value });
    },
    [t],
  );
}

/** Uploads the file the operator picked as soon as it is picked, so sending is instant; one file per message. */
export function useComposerFile(contactId: string) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { me } = useSession();
  const sizeText = useSizeText();
  const [file, setFile] = useState<ComposerFile | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const running = useRef<AbortController | null>(null);

  // Leaving the conversation cancels an upload still under way.
  useEffect(() => () => running.current?.abort(), []);

  /** A stored file the operator will not send is removed from the server too (best effort: it is never shown). */
  const dropStored = useCallback(
    (uploaded: UploadedFile) => {
      apiNoContent(`/contacts/${encodeURIComponent(contactId)}/attachments/${encodeURIComponent(uploaded.id)}`, { method: "DELETE" }).catch(() => undefined);
    },
    [contactId],
  );

  const attach = useCallback(
    (picked: File | null) => {
      // Picking again replaces the file waiting to be sent.
      if (file?.uploaded) {
        dropStored(file.uploaded);
      }
      running.current?.abort();
      setProblem(null);
      setFile(null);
      if (picked === null) {
        return;
      }
      const refused = attachmentProblem(picked);
      if (refused !== null) {
        setProblem(refused === "ATTACHMENT_TOO_LARGE" ? t("workspace.composer.tooLarge", { max: sizeText(CHAT_LIMITS.attachmentMaxBytes) }) : errorText(refused, locale));
        return;
      }
      const controller = new AbortController();
      running.current = controller;
      setFile({ name: picked.name, progress: 0, uploaded: null });
      const onProgress = (progress: number) => setFile((now) => (now && now.uploaded === null ? { ...now, progress } : now));
      uploadContactFile({ contactId, file: picked, csrfToken: me?.csrfToken ?? null, onProgress, signal: controller.signal })
        .then((uploaded) => setFile({ name: uploaded.fileName, progress: 1, uploaded }))
        .catch((error: unknown) => {
          if (isAbort(error)) {
            return;
          }
          setFile(null);
          setProblem(error instanceof ApiError ? error.message : t("errors.unexpected"));
        });
    },
    [contactId, me, locale, sizeText, t, file, dropStored],
  );

  const clear = useCallback(() => {
    running.current?.abort();
    setFile(null);
    setProblem(null);
  }, []);

  /** The operator drops the file before sending it: it is not kept on the server either (best effort). */
  const remove = useCallback(() => {
    if (file?.uploaded) {
      dropStored(file.uploaded);
    }
    clear();
  }, [file, dropStored, clear]);

  return { file, problem, attach, clear, remove, uploading: file !== null && file.uploaded === null };
}
