import type { ChatConfig, ChatStatus, ServiceNoticeDto } from "@bailanys/common/api/contacts";
import { Box, Button, Group, Text } from "@mantine/core";
import { IconDoorExit } from "@tabler/icons-react";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { notifyError } from "../../lib/notifyError.ts";
import { isFinished, isWaiting } from "./chatFormat.ts";
import { ChatComposer } from "./ChatComposer.tsx";
import { ChatEnded } from "./ChatEnded.tsx";
import { ServiceNotices } from "../../components/ServiceNotices.tsx";
import { ChatWaiting } from "./ChatWaiting.tsx";
import { MessageList } from "./MessageList.tsx";
import { ReconnectingBanner } from "./ReconnectingBanner.tsx";
import type { ChatSession } from "./useChatSession.ts";

interface Props {
  session: ChatSession;
  status: ChatStatus;
  config: ChatConfig;
  notices: readonly ServiceNoticeDto[];
}

/** A running or finished chat: who answers, the messages, and the queue card, composer or end-of-chat panel. */
export function ChatConversation({ session, status, config, notices }: Props) {
  const { t } = useTranslation();
  const [ending, setEnding] = useState(false);
  const finished = isFinished(status.state);
  const waiting = isWaiting(status.state);

  const end = () => {
    setEnding(true);
    session
      .end()
      .catch((error: unknown) => notifyError(error))
      .finally(() => setEnding(false));
  };

  let footer = null;
  if (finished) {
    footer = <ChatEnded session={session} status={status} />;
  } else if (waiting) {
    footer = <ChatWaiting session={session} status={status} onLeave={end} leaving={ending} />;
  }

  return (
    <>
      {session.connection === "offline" && <ReconnectingBanner />}
      <ServiceNotices notices={notices} px="md" pt="sm" />
      {!finished && !waiting && (
        <Group justify="space-between" wrap="nowrap" px="md" py="xs" style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
          <Text size="sm" miw={0}>
            {status.agentName === null ? (
              t("chat.conversation.agentLabel")
            ) : (
              <Trans i18nKey="chat.conversation.agent" values={{ name: status.agentName }} components={[<Text key="name" span fw={600} data-testid="chat-agent-name" />]} />
            )}
          </Text>
          <Button size="xs" variant="outline" color="red.8" leftSection={<IconDoorExit size={16} aria-hidden />} onClick={end} loading={ending} data-testid="chat-end" style={{ flexShrink: 0 }}>
            {t("chat.conversation.end")}
          </Button>
        </Group>
      )}
      <MessageList
        chat={session.chat}
        entries={session.state.entries}
        outbox={session.state.outbox}
        agentReadSeq={session.state.agentReadSeq}
        agentTyping={session.state.agentTyping && !finished}
        agentName={status.agentName}
        onRetry={session.retry}
        footer={footer}
        footerKey={`${status.state}:${status.surveyGiven}:${status.callbackOffered}`}
      />
      {!finished && <ChatComposer session={session} limits={config.limits} />}
    </>
  );
}
