import { ATTACHMENT_ACCEPT } from "@bailanys/common/attachments";
import type { ChatConfig } from "@bailanys/common/api/contacts";
import { ActionIcon, Box, CloseButton, FileButton, Group, Loader, Text, Textarea, VisuallyHidden } from "@mantine/core";
import { IconPaperclip, IconSend } from "@tabler/icons-react";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.ts";
import { removeChatFile, uploadChatFile } from "./chatFiles.ts";
import { describeSize } from "./chatFormat.ts";
import type { ChatAttachment } from "./chatLog.ts";
import type { ChatSession } from "./useChatSession.ts";

interface Upload {
  name: string;
  progress: number;
  attachment: ChatAttachment | null;
}

/** Characters left from which the counter appears (a long letter, not a chat message). */
const COUNTER_FROM = 200;

/** The message box: Enter sends, Shift+Enter adds a line; a paper clip uploads one file to go with the message. */
export function ChatComposer({ session, limits }: { session: ChatSession; limits: ChatConfig["limits"] }) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [upload, setUpload] = useState<Upload | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const resetFile = useRef<() => void>(null);
  // Straight to typing once the chat opens; not on touch screens, where the keyboard would hide the queue card.
  useEffect(() => {
    if (window.matchMedia("(pointer: fine)").matches) {
      input.current?.focus();
    }
  }, []);

  const sizeText = (bytes: number) => {
    const size = describeSize(bytes);
    return t(`chat.size.${size.unit}`, { value: size.value });
  };

  /** Drops the file waiting to be sent; stored already, it is removed from the server too (best effort). */
  const removeUpload = () => {
    if (upload?.attachment && session.chat !== null) {
      void removeChatFile(session.chat, upload.attachment);
    }
    setUpload(null);
  };

  const attach = (file: File | null) => {
    resetFile.current?.();
    setProblem(null);
    if (file === null || session.chat === null) {
      return;
    }
    if (file.size > limits.attachmentMaxBytes) {
      setProblem(t("chat.composer.tooLarge", { max: sizeText(limits.attachmentMaxBytes) }));
      return;
    }
    // A file picked before and not sent gives way to this one.
    removeUpload();
    setUpload({ name: file.name, progress: 0, attachment: null });
    uploadChatFile(session.chat, file, (progress) => setUpload((u) => (u && u.attachment === null ? { ...u, progress } : u)))
      .then((attachment) => setUpload((u) => (u && u.name === file.name ? { ...u, progress: 1, attachment } : u)))
      .catch((error: unknown) => {
        setUpload(null);
        setProblem(error instanceof ApiError ? error.message : t("errors.unexpected"));
      });
  };

  const uploading = upload !== null && upload.attachment === null;
  const body = text.trim() !== "" ? text.trim() : (upload?.attachment?.fileName ?? "");
  const canSend = body !== "" && !uploading;

  const send = () => {
    if (!canSend) {
      return;
    }
    // The message text is required; a file sent alone carries its name as the text.
    session.send(body.slice(0, limits.messageMaxLength), upload?.attachment ?? null);
    setText("");
    setUpload(null);
    setProblem(null);
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  const left = limits.messageMaxLength - text.length;
  return (
    <Box px="sm" py="xs" style={{ borderTop: "1px solid var(--mantine-color-gray-3)" }}>
      {upload !== null && (
        <Group gap="xs" wrap="nowrap" mb={6} role="status">
          {uploading ? <Loader size={14} aria-hidden /> : <IconPaperclip size={16} aria-hidden />}
          <Text size="sm" miw={0} style={{ overflowWrap: "anywhere" }}>
            {uploading ? t("chat.composer.uploading", { name: upload.name, percent: Math.round(upload.progress * 100) }) : upload.name}
          </Text>
          {!uploading && <CloseButton size="sm" aria-label={t("chat.composer.removeAttachment", { name: upload.name })} onClick={removeUpload} />}
        </Group>
      )}
      {problem !== null && (
        <Text size="sm" c="red.9" mb={6} role="alert">
          {problem}
        </Text>
      )}
      <Group gap={6} wrap="nowrap" align="flex-end">
        <FileButton onChange={attach} resetRef={resetFile} disabled={uploading} accept={ATTACHMENT_ACCEPT}>
          {(props) => (
            <ActionIcon {...props} variant="subtle" color="gray.8" size="lg" aria-label={t("chat.composer.attach")} title={t("chat.composer.attach")}>
              <IconPaperclip size={20} aria-hidden />
            </ActionIcon>
          )}
        </FileButton>
        <Textarea
          ref={input}
          flex={1}
          autosize
          minRows={1}
          maxRows={5}
          aria-label={t("chat.composer.label")}
          placeholder={t("chat.composer.placeholder")}
          value={text}
          maxLength={limits.messageMaxLength}
          onChange={(event) => {
            setText(event.currentTarget.value);
            if (event.currentTarget.value !== "") {
              session.typing();
            }
          }}
          onKeyDown={onKeyDown}
          aria-describedby="chat-composer-hint"
          data-testid="chat-message-input"
        />
        <VisuallyHidden id="chat-composer-hint">{t("chat.composer.hint")}</VisuallyHidden>
        <ActionIcon size="lg" onClick={send} disabled={!canSend} aria-label={t("chat.composer.send")} title={t("chat.composer.send")} data-testid="chat-send">
          <IconSend size={18} aria-hidden />
        </ActionIcon>
      </Group>
      {left < COUNTER_FROM && (
        <Text size="xs" c="gray.7" ta="end" mt={2} aria-live="polite">
          {t("chat.composer.left", { n: left })}
        </Text>
      )}
    </Box>
  );
}
