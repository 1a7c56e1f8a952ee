import type { BoardDto } from "@bailanys/common/api/contacts";
import { Badge, Paper, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { TableHeader } from "../../components/TableHeader.tsx";
import { formatDuration, secondsSince } from "../workspace/durations.ts";
import { formatPercent, serviceLevelColor, waitColor } from "./boardFormat.ts";

interface Props {
  queues: BoardDto["queues"];
  /** Server time now (ms), ticking. */
  now: number;
}

const num = { ta: "right", style: { fontVariantNumeric: "tabular-nums" } } as const;

/** Per queue: who waits and for how long, what is being handled, and today's service level. */
export function QueueTable({ queues, now }: Props) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="board-queues-title">
      <Title order={2} size="h5" mb="xs" id="board-queues-title">
        {t("workspace.board.queues")}
      </Title>
      {queues.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("workspace.board.noQueues")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table data-testid="board-queues" verticalSpacing="xs" highlightOnHover>
            <TableHeader
              labels={[
                t("workspace.board.queue"),
                t("workspace.board.waiting"),
                t("workspace.board.longestWait"),
                t("workspace.board.offered"),
                t("workspace.board.active"),
                t("workspace.board.serviceLevel"),
                t("workspace.board.answeredToday"),
                t("workspace.board.abandonedToday"),
                t("workspace.board.agentsReady"),
              ]}
            />
            <Table.Tbody>
              {queues.map((queue) => {
                const wait = secondsSince(queue.oldestQueuedAt, now);
                return (
                  <Table.Tr key={queue.id} data-testid="board-queue-row" data-queue-id={queue.id} data-waiting={queue.waiting}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {queue.name}
                      </Text>
                    </Table.Td>
                    <Table.Td {...num}>
                      <Text size="sm" fw={queue.waiting > 0 ? 700 : 400} c={queue.waiting > 0 ? "orange.8" : undefined}>
                        {queue.waiting}
                      </Text>
                    </Table.Td>
                    <Table.Td {...num}>
                      <Text size="sm" ff="monospace" fw={wait === null ? 400 : 600} c={waitColor(wait, queue.serviceLevelSeconds)} data-testid="board-longest-wait">
                        {wait === null ? "—" : formatDuration(wait)}
                      </Text>
                    </Table.Td>
                    <Table.Td {...num}>{queue.offered}</Table.Td>
                    <Table.Td {...num}>{queue.active}</Table.Td>
                    <Table.Td {...num}>
                      <Badge variant="light" color={serviceLevelColor(queue.serviceLevelPct)}>
                        {formatPercent(queue.serviceLevelPct)}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {t("workspace.board.target", { seconds: queue.serviceLevelSeconds })}
                      </Text>
                    </Table.Td>
                    <Table.Td {...num}>{queue.answeredToday}</Table.Td>
                    <Table.Td {...num}>
                      <Text size="sm" c={queue.abandonedToday > 0 ? "red.7" : undefined}>
                        {queue.abandonedToday}
                      </Text>
                    </Table.Td>
                    <Table.Td {...num}>{queue.agentsReady}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
