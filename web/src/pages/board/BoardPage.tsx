import { Alert, Center, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/formatDateTime.ts";
import { useNow } from "../../realtime/useNow.ts";
import { useStaffSocket } from "../../realtime/useStaffSocket.ts";
import { ConnectionIndicator } from "../workspace/ConnectionIndicator.tsx";
import { AgentTable } from "./AgentTable.tsx";
import { MonitorDrawer } from "./MonitorDrawer.tsx";
import { QueueTable } from "./QueueTable.tsx";
import { VoiceIncidents } from "./VoiceIncidents.tsx";
import { useBoard } from "./useBoard.ts";

/** The supervisor's live board: queues and operators, updated by the socket, with waits ticking in server time. */
export function BoardPage() {
  const { t } = useTranslation();
  const { socket, status } = useStaffSocket();
  const { board, skew, live, error } = useBoard(socket, status);
  const now = useNow() + skew;
  const [watching, setWatching] = useState<string | null>(null);

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          {t("workspace.boardTitle")}
        </Title>
        <Group gap="sm">
          {board && (
            <Text size="xs" c="dimmed">
              {t("workspace.board.updated", { time: formatDateTime(board.at).slice(-5) })}
            </Text>
          )}
          <ConnectionIndicator status={status} />
        </Group>
      </Group>
      {!live && board && (
        <Text size="xs" c="dimmed" role="status">
          {t("workspace.board.polling")}
        </Text>
      )}
      {error && (
        <Alert color="red" icon={<IconAlertTriangle aria-hidden />}>
          {error}
        </Alert>
      )}
      {board === null && error === null ? (
        <Center p="xl">
          <Loader aria-label={t("common.loading")} />
        </Center>
      ) : (
        board && (
          <>
            <VoiceIncidents incidents={board.voiceIncidents} />
            <QueueTable queues={board.queues} now={now} />
            <AgentTable agents={board.agents} now={now} onOpenContact={setWatching} />
          </>
        )
      )}
      {watching && <MonitorDrawer key={watching} contactId={watching} socket={socket} onClose={() => setWatching(null)} />}
    </Stack>
  );
}
