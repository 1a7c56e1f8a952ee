import type { WorkspaceOptions } from "@bailanys/common/api/contacts";
import { CHAT_LIMITS } from "@bailanys/common/contacts";
import { Button, Group, Paper, Switch, Textarea } from "@mantine/core";
import { IconNote, IconSend } from "@tabler/icons-react";
import { useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { CannedReplies } from "./CannedReplies.tsx";

interface Props {
  draft: string;
  onDraft: (text: string) => void;
  language: string;
  topicId: string | null;
  cannedReplies: WorkspaceOptions["cannedReplies"];
  onSend: (text: string) => void;
  onNote: (text: string) => Promise<boolean>;
  onTyping: () => void;
}

/** Where the operator writes: Enter sends, Shift+Enter breaks the line; a switch turns the text into an internal note. */
export function Composer({ draft, onDraft, language, topicId, cannedReplies, onSend, onNote, onTyping }: Props) {
  const { t } = useTranslation();
  const [noteMode, setNoteMode] = useState(false);
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const text = draft.trim();

  const submit = async () => {
    if (text === "" || saving) {
      return;
    }
    if (!noteMode) {
      onSend(text);
      onDraft("");
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
      <Group gap="xs" align="flex-end" wrap="nowrap">
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
          disabled={text === ""}
          loading={saving}
          data-testid="agent-send"
        >
          {noteMode ? t("workspace.composer.addNote") : t("workspace.composer.send")}
        </Button>
      </Group>
      <Group mt="xs" gap="sm">
        <CannedReplies replies={cannedReplies} language={language} topicId={topicId} onPick={insert} />
        <Switch size="sm" label={t("workspace.composer.noteToggle")} checked={noteMode} onChange={(e) => setNoteMode(e.currentTarget.checked)} color="yellow.7" data-testid="note-toggle" />
      </Group>
    </Paper>
  );
}
