import type { ChatStatus } from "@bailanys/common/api/contacts";
import { Button, Paper, Stack, Text } from "@mantine/core";
import { IconDoorExit, IconUsers } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { CallbackOffer } from "./CallbackOffer.tsx";
import { describeWait } from "./chatFormat.ts";
import type { ChatSession } from "./useChatSession.ts";

interface Props {
  session: ChatSession;
  status: ChatStatus;
  onLeave(): void;
  leaving: boolean;
}

/** The queue card: place in the queue and expected wait (live), the call-back offer, and a way out. */
export function ChatWaiting({ session, status, onLeave, leaving }: Props) {
  const { t } = useTranslation();
  const wait = describeWait(status.expectedWaitSeconds);
  const waitText =
    wait.kind === "unknown" ? t("chat.waiting.estimating") : wait.kind === "hours" ? t("chat.waiting.waitLong", { hours: wait.hours }) : t("chat.waiting.wait", { minutes: wait.minutes });
  return (
    <Paper withBorder p="md" radius="md" my="sm" bg="bailanys.0" style={{ borderColor: "var(--mantine-color-bailanys-2)" }}>
      <Stack gap="xs">
        <div role="status">
          {status.state === "queued" && status.position !== null ? (
            <Text fw={700} size="lg" data-testid="chat-queue-position" data-position={status.position} style={{ display: "flex", alignItems: "center", gap: 8 }}>
              <IconUsers size={22} aria-hidden />
              {t("chat.waiting.position", { position: status.position })}
            </Text>
          ) : (
            <Text fw={700} size="lg">
              {t("chat.waiting.offered")}
            </Text>
          )}
          {status.state === "queued" && (
            <Text size="sm" data-testid="chat-expected-wait" data-seconds={status.expectedWaitSeconds ?? ""}>
              {waitText}
            </Text>
          )}
        </div>
        <Text size="sm" c="gray.8">
          {t("chat.waiting.hint")}
        </Text>
        {status.callbackOffered && !status.callbackRequested && <CallbackOffer session={session} />}
        <Button variant="default" size="xs" leftSection={<IconDoorExit size={16} aria-hidden />} onClick={onLeave} loading={leaving} data-testid="chat-end" style={{ alignSelf: "flex-start" }}>
          {t("chat.waiting.leave")}
        </Button>
      </Stack>
    </Paper>
  );
}
