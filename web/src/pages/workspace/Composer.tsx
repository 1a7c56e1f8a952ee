import { ATTACHMENT_ACCEPT } from "@bailanys/common/attachments";
import type { WorkspaceOptions } from "@bailanys/common/api/contacts";
import { CHAT_LIMITS } from "@bailanys/common/contacts";
import { ActionIcon, Button, FileButton, Group, Paper, Switch, Textarea } from "@mantine/core";
import { IconNote, IconPaperclip, IconSend } from "@tabler/icons-react";
import { useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { CannedReplies } from "./CannedReplies.tsx";
import { ComposerFileLine } from "./ComposerFileLine.tsx";
import { messageTextWithFile } from "./contactFiles.ts";
import type { UploadedFile } from "./uploadContactFile.ts";
import { useComposerFile, useSizeText } from "./useComposerFile.ts";

interface Props {
  contactId: string;
  draft: string;
  onDraft: (text: string) => void;
  language: string;
  topicId: string | null;
  cannedReplies: WorkspaceOptions["cannedReplies"];
  onSend: (text: string, attachment: UploadedFile | null) => void;
  onNote: (text: string) => Promise<boolean>;
  onTyping: () => void;
  /** A call: the conversation is the audio, so the operator only writes internal notes. */
  notesOnly?: boolean;
}

/**
 * Where the operator writes: Enter sends, Shift+Enter breaks the line; a paper clip adds one file to the message;
 * a switch turns the text into an internal note (notes carry no files).
 */
export function Composer({ contactId, draft, onDraft, language, topicId, cannedReplies, onSend, onNote, onTyping, notesOnly = false }: Props) {
  const { t } = useTranslation();
  const [chosenNoteMode, setNoteMode] = useState(false);
  const noteMode = notesOnly || chosenNoteMode;
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const resetPicker = useRef<() => void>(null);
  const attachment = useComposerFile(contactId);
  const sizeText = useSizeText();
  const uploaded = attachment.file?.uploaded ?? null;
  const text = noteMode ? draft.trim() : messageTextWithFile(draft, uploaded?.fileName ?? null);
  const canSubmit = text !== "" && !saving && !attachment.uploading;

  const submit = async () => {
    if (!canSubmit) {
      return;
    }
    if (!noteMode) {
      onSend(text, uploaded);
      onDraft("");
      attachment.clear();
      input.current?.focus();
      return;
    }
    setSaving(true);
    if (await onNote(text)) {
      onDraft("");
      setNoteMode(false);
    }
    setSaving(false);
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter while an input method is composing (Kazakh layouts on some systems) confirms the letter, not the message.
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  const insert = (body: string) => {
    onDraft(draft.trim() === "" ? body : `${draft.replace(/\s+$/, "")} ${body}`);
    input.current?.focus();
  };

  const label = noteMode ? t("workspace.composer.noteLabel") : t("workspace.composer.label");
  return (
    <Paper p="xs" withBorder style={noteMode ? { background: "var(--mantine-color-yellow-0)", borderColor: "var(--mantine-color-yellow-5)" } : undefined}>
      <ComposerFileLine file={attachment.file} problem={attachment.problem} onRemove={attachment.remove} />
      <Group gap="xs" align="flex-end" wrap="nowrap">
        {!notesOnly && (
          <FileButton
            onChange={(file) => {
              resetPicker.current?.();
              attachment.attach(file);
            }}
            resetRef={resetPicker}
            accept={ATTACHMENT_ACCEPT}
            disabled={noteMode || attachment.uploading}
          >
            {(props) => (
              <ActionIcon
                {...props}
                variant="subtle"
                color="gray.8"
                size="lg"
                mb={4}
                aria-label={t("workspace.composer.attach")}
                title={`${t("workspace.composer.attach")}: ${t("workspace.composer.attachHint", { max: sizeText(CHAT_LIMITS.attachmentMaxBytes) })}`}
                data-testid="agent-attach"
              >
                <IconPaperclip size={20} aria-hidden />
              </ActionIcon>
            )}
          </FileButton>
        )}
        {/* A chat composer's purpose is plain from its place; the mode is named by the placeholder and the switch. */}
        <Textarea
          ref={input}
          aria-label={label}
          placeholder={`${label}. ${noteMode ? t("workspace.composer.notePlaceholder") : t("workspace.composer.placeholder")}`}
          value={draft}
          onChange={(e) => {
            onDraft(e.currentTarget.value);
            if (!noteMode) {
              onTyping();
            }
          }}
          onKeyDown={onKeyDown}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={noteMode ? 2000 : CHAT_LIMITS.messageMaxLength}
          style={{ flex: 1 }}
          data-testid="agent-message-input"
        />
        <Button
          color={noteMode ? "yellow.8" : undefined}
          leftSection={noteMode ? <IconNote size={16} aria-hidden /> : <IconSend size={16} aria-hidden />}
          onClick={() => void submit()}
          disabled={!canSubmit}
          loading={saving}
          data-testid="agent-send"
        >
          {noteMode ? t("workspace.composer.addNote") : t("workspace.composer.send")}
        </Button>
      </Group>
      {!notesOnly && (
        <Group mt="xs" gap="sm">
          <CannedReplies replies={cannedReplies} language={language} topicId={topicId} onPick={insert} />
          <Switch
            size="sm"
            label={t("workspace.composer.noteToggle")}
            checked={noteMode}
            onChange={(e) => setNoteMode(e.currentTarget.checked)}
            // A file goes to the citizen; a note never does, so the two cannot be combined.
            disabled={attachment.file !== null}
            color="yellow.7"
            data-testid="note-toggle"
          />
        </Group>
      )}
    </Paper>
  );
}
