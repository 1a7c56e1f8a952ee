import { Center, Loader, ScrollArea, Stack, Text } from "@mantine/core";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { receiptOf, type ContactLog } from "./contactLogs.ts";
import { LogEventLine } from "./LogEventLine.tsx";
import { MessageBubble } from "./MessageBubble.tsx";
import { PendingBubble } from "./PendingBubble.tsx";
import type { PendingMessage } from "./useOutbox.ts";

interface Props {
  /** Files of the conversation download from under it; without it they are listed without a link. */
  contactId?: string;
  log: ContactLog | undefined;
  citizenName: string;
  citizenReadSeq: number;
  typing: boolean;
  pending?: readonly PendingMessage[];
  onRetry?: (clientMsgId: string) => void;
  onDiscard?: (clientMsgId: string) => void;
  /** A call's events read "call", a chat's "chat". */
  call?: boolean;
}

/** Pixels from the bottom within which the list keeps following new messages. */
const FOLLOW_PX = 120;

/** The conversation's log, oldest first; it follows new entries unless the reader has scrolled up. */
export function MessageList({ contactId, log, citizenName, citizenReadSeq, typing, pending = [], onRetry, onDiscard, call = false }: Props) {
  const { t } = useTranslation();
  const viewport = useRef<HTMLDivElement>(null);
  // Follows new entries while the reader is at the bottom; scrolling up to read stops it until they come back.
  const stick = useRef(true);
  const entries = log?.entries ?? [];
  const landed = new Set(entries.flatMap((e) => (e.clientMsgId ? [e.clientMsgId] : [])));
  const waiting = pending.filter((m) => !landed.has(m.clientMsgId));
  const count = entries.length + waiting.length + (typing ? 1 : 0);

  const loaded = log?.loaded ?? false;
  useEffect(() => {
    const el = viewport.current;
    if (el && stick.current) {
      el.scrollTop = el.scrollHeight;
    }
  }, [count, loaded]);

  const onScroll = () => {
    const el = viewport.current;
    if (el) {
      stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < FOLLOW_PX;
    }
  };

  if (!loaded) {
    return (
      <Center style={{ flex: 1 }} aria-busy>
        <Loader size="sm" aria-label={t("workspace.conversation.loading")} />
      </Center>
    );
  }

  return (
    <ScrollArea viewportRef={viewport} onScrollPositionChange={onScroll} style={{ flex: 1, minHeight: 0 }} type="auto" offsetScrollbars>
      <Stack gap={6} p="xs" role="log" aria-live="polite" aria-relevant="additions">
        {entries.length === 0 && (
          <Text size="sm" c="dimmed" ta="center">
            {t("workspace.conversation.empty")}
          </Text>
        )}
        {entries.map((entry) =>
          entry.kind === "event" ? (
            <LogEventLine key={entry.seq} entry={entry} call={call} />
          ) : (
            <MessageBubble
              key={entry.seq}
              entry={entry}
              contactId={contactId}
              citizenName={citizenName}
              receipt={entry.kind === "message" && entry.author === "agent" ? receiptOf(entry, log, citizenReadSeq) : undefined}
            />
          ),
        )}
        {waiting.map((message) => (
          <PendingBubble key={message.clientMsgId} message={message} onRetry={() => onRetry?.(message.clientMsgId)} onDiscard={() => onDiscard?.(message.clientMsgId)} />
        ))}
        {typing && (
          <Text size="xs" c="dimmed" fs="italic" data-testid="citizen-typing">
            {t("workspace.conversation.typing", { name: citizenName })}
          </Text>
        )}
      </Stack>
    </ScrollArea>
  );
}
