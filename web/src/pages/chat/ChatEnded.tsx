import type { ChatStatus } from "@bailanys/common/api/contacts";
import { Alert, Button, Divider, Stack, Text } from "@mantine/core";
import { IconPhoneCheck, IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { wasAnswered } from "./chatLog.ts";
import { ChatSurvey } from "./ChatSurvey.tsx";
import { ChatTranscript } from "./ChatTranscript.tsx";
import type { ChatSession } from "./useChatSession.ts";

/** After the chat: the survey when there was a conversation, the transcript, and a way to start again. */
export function ChatEnded({ session, status }: { session: ChatSession; status: ChatStatus }) {
  const { t } = useTranslation();
  const entries = session.state.entries;
  const answered = status.agentName !== null || wasAnswered(entries);
  const hasMessages = entries.some((e) => e.kind === "message");
  let reason: string | null = null;
  if (!answered && !status.callbackRequested) {
    const leftByCitizen = entries.some((e) => e.event === "ended" && e.author === "citizen");
    reason = leftByCitizen ? t("chat.ended.left") : t("chat.ended.closed");
  }
  return (
    <Stack gap="md" my="md" data-testid="chat-ended" data-state={status.state}>
      <Divider label={t("chat.ended.title")} labelPosition="center" styles={{ label: { color: "var(--mantine-color-gray-8)", fontSize: "var(--mantine-font-size-sm)" } }} />
      {status.callbackRequested && (
        <Alert color="teal" icon={<IconPhoneCheck aria-hidden />} role="status" data-testid="chat-callback-done" styles={{ message: { color: "var(--mantine-color-black)" } }}>
          {t("chat.callback.done")}
        </Alert>
      )}
      {reason !== null && <Text size="sm">{reason}</Text>}
      {answered && <ChatSurvey session={session} given={status.surveyGiven} />}
      {hasMessages && <ChatTranscript session={session} />}
      <Button variant="outline" leftSection={<IconPlus size={16} aria-hidden />} onClick={session.reset} data-testid="chat-new" style={{ alignSelf: "center" }}>
        {t("chat.ended.newChat")}
      </Button>
    </Stack>
  );
}
