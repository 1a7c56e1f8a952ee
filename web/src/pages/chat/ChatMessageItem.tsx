import type { LogEntryDto } from "@bailanys/common/api/contacts";
import { Box, Button, Group, Text, VisuallyHidden } from "@mantine/core";
import { IconAlertCircle, IconCheck, IconChecks, IconClock } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/formatDateTime.ts";
import { AttachmentButton } from "./AttachmentButton.tsx";
import type { ChatCredentials } from "./chatApi.ts";
import { formatTime } from "./chatFormat.ts";
import type { ChatAttachment, PendingMessage } from "./chatLog.ts";

interface BubbleProps {
  chat: ChatCredentials | null;
  own: boolean;
  author: string;
  body: string;
  attachment: ChatAttachment | null;
  at: string | null;
  mark: ReactNode;
}

// The citizen's bubbles are white on the primary shade 8 (above 5:1); the operator's black on light grey.
function Bubble({ chat, own, author, body, attachment, at, mark }: BubbleProps) {
  return (
    <Box
      maw="85%"
      px="sm"
      py={6}
      bg={own ? "bailanys.8" : "gray.1"}
      c={own ? "white" : "black"}
      style={{ borderRadius: own ? "14px 14px 4px 14px" : "14px 14px 14px 4px", minWidth: 0 }}
    >
      {own ? (
        <VisuallyHidden>{author}:</VisuallyHidden>
      ) : (
        <Text size="xs" fw={700} c="bailanys.9">
          {author}
        </Text>
      )}
      {/* A file sent alone carries its name as the text (the API needs one): show the file once. */}
      {body !== "" && body !== attachment?.fileName && (
        <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {body}
        </Text>
      )}
      {attachment && <AttachmentButton chat={chat} attachment={attachment} inverted={own} />}
      <Group gap={4} justify="flex-end" wrap="nowrap" mt={2}>
        {at !== null && (
          <Text component="time" dateTime={at} title={formatDateTime(at)} size="xs" c={own ? "white" : "gray.7"}>
            {formatTime(at)}
          </Text>
        )}
        {mark}
      </Group>
    </Box>
  );
}

/** A short status mark: an icon for the eye, its word for screen readers and as a tooltip. */
function Mark({ icon, label }: { icon: ReactNode; label: string }) {
  return (
    <Box component="span" title={label} display="inline-flex" style={{ alignItems: "center" }}>
      {icon}
      <VisuallyHidden>{label}</VisuallyHidden>
    </Box>
  );
}

/** One message of the log, with the double tick once the operator has read the citizen's own message. */
export function ChatMessageItem({ chat, entry, agentReadSeq }: { chat: ChatCredentials | null; entry: LogEntryDto; agentReadSeq: number }) {
  const { t } = useTranslation();
  const own = entry.author === "citizen";
  const author = own ? t("chat.conversation.you") : entry.author === "agent" ? (entry.authorName ?? t("chat.conversation.agentLabel")) : t("chat.conversation.system");
  const read = agentReadSeq >= entry.seq;
  const mark = own ? <Mark icon={read ? <IconChecks size={16} aria-hidden /> : <IconCheck size={16} aria-hidden />} label={t(read ? "chat.conversation.read" : "chat.conversation.sent")} /> : null;
  return (
    <Box component="li" data-testid="chat-message" data-author={entry.author} data-seq={entry.seq} data-read={own ? String(read) : undefined} display="flex" style={{ justifyContent: own ? "flex-end" : "flex-start" }} my={4}>
      <Bubble chat={chat} own={own} author={author} body={entry.body ?? ""} attachment={entry.attachment} at={entry.at} mark={mark} />
    </Box>
  );
}

/** A message typed here that the server has not confirmed yet: sending, waiting for the network, or refused. */
export function PendingMessageItem({ chat, message, onRetry }: { chat: ChatCredentials | null; message: PendingMessage; onRetry(clientMsgId: string): void }) {
  const { t } = useTranslation();
  const label = message.state === "waiting" ? t("chat.conversation.waitingNetwork") : message.state === "failed" ? t("chat.conversation.failed") : t("chat.conversation.sending");
  return (
    <Box component="li" data-testid="chat-message" data-author="citizen" data-pending={message.state} display="flex" style={{ flexDirection: "column", alignItems: "flex-end" }} my={4}>
      <Bubble
        chat={chat}
        own
        author={t("chat.conversation.you")}
        body={message.text}
        attachment={message.attachment}
        at={null}
        mark={<Mark icon={message.state === "failed" ? <IconAlertCircle size={16} aria-hidden /> : <IconClock size={16} aria-hidden />} label={label} />}
      />
      {message.state === "failed" && (
        <Group gap="xs" mt={2} justify="flex-end">
          <Text size="xs" c="red.9" role="alert">
            {message.error ?? label}
          </Text>
          <Button size="compact-xs" variant="subtle" color="red.9" onClick={() => onRetry(message.clientMsgId)}>
            {t("chat.conversation.retrySend")}
          </Button>
        </Group>
      )}
    </Box>
  );
}
