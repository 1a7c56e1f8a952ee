import type { LogEntryDto } from "@bailanys/common/api/contacts";
import { Box, Text, VisuallyHidden } from "@mantine/core";
import { useLayoutEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ChatCredentials } from "./chatApi.ts";
import { ChatEventItem } from "./ChatEventItem.tsx";
import type { PendingMessage } from "./chatLog.ts";
import { ChatMessageItem, PendingMessageItem } from "./ChatMessageItem.tsx";
import { useAnnouncement } from "./useAnnouncement.ts";

interface Props {
  chat: ChatCredentials | null;
  entries: readonly LogEntryDto[];
  outbox: readonly PendingMessage[];
  agentReadSeq: number;
  agentTyping: boolean;
  agentName: string | null;
  onRetry(clientMsgId: string): void;
  /** Shown after the messages: the queue card while waiting, the survey once the chat is over. */
  footer: ReactNode;
  /** Changes when the footer's content does, so the list can keep its bottom in view. */
  footerKey: string;
}

/** Distance from the bottom within which the reader counts as following the conversation. */
const FOLLOWING_PX = 120;

/** The conversation, scrolled to the newest entry unless the reader has scrolled up to read older ones. */
export function MessageList({ chat, entries, outbox, agentReadSeq, agentTyping, agentName, onRetry, footer, footerKey }: Props) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const sentCount = useRef(outbox.length);
  const announcement = useAnnouncement(entries);

  useLayoutEffect(() => {
    const element = scroller.current;
    // The citizen's own new message always brings the bottom back into view.
    const ownSent = outbox.length > sentCount.current;
    sentCount.current = outbox.length;
    if (element && (following.current || ownSent)) {
      element.scrollTop = element.scrollHeight;
    }
  }, [entries.length, outbox.length, agentTyping, footerKey]);

  return (
    <Box
      ref={scroller}
      flex={1}
      mih={0}
      px="md"
      py="xs"
      style={{ overflowY: "auto", overflowX: "hidden" }}
      onScroll={(event) => {
        const element = event.currentTarget;
        following.current = element.scrollHeight - element.scrollTop - element.clientHeight < FOLLOWING_PX;
      }}
    >
      <Box component="ul" aria-label={t("chat.conversation.listLabel")} m={0} p={0} style={{ listStyle: "none" }}>
        {entries.map((entry) =>
          entry.kind === "message" ? (
            <ChatMessageItem key={entry.seq} chat={chat} entry={entry} agentReadSeq={agentReadSeq} />
          ) : entry.kind === "event" ? (
            <ChatEventItem key={entry.seq} entry={entry} />
          ) : null,
        )}
        {outbox.map((message) => (
          <PendingMessageItem key={message.clientMsgId} chat={chat} message={message} onRetry={onRetry} />
        ))}
      </Box>
      {agentTyping && (
        <Text size="xs" c="gray.7" fs="italic" my={4} data-testid="chat-typing" aria-hidden>
          {t("chat.conversation.typing", { name: agentName ?? t("chat.conversation.agentLabel") })}
        </Text>
      )}
      {footer}
      <VisuallyHidden aria-live="polite" aria-atomic="true">
        {announcement}
      </VisuallyHidden>
    </Box>
  );
}
