import type { QueueDto } from "@bailanys/common/api/routing-admin";
import { Badge, Button, Group, Stack, Table, Text, Tooltip } from "@mantine/core";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ActiveBadge } from "../../../../components/ActiveBadge.tsx";
import { TableHeader } from "../../../../components/TableHeader.tsx";
import { useLocalizedName } from "../../../../i18n/useLocalizedName.ts";
import { useAdminList } from "../shared/useAdminList.ts";
import { useRoutingOptions } from "../shared/useRoutingOptions.tsx";
import { hoursSummary, WEEKDAYS } from "./hours.ts";
import { QueueModal } from "./QueueModal.tsx";

/** The queues contacts wait in: a table and the dialog to add or change one (queues are deactivated, not deleted). */
export function QueuesTab() {
  const { t } = useTranslation();
  const name = useLocalizedName();
  const { channelName, lineLabel, topicName } = useRoutingOptions();
  const { items, put } = useAdminList<QueueDto>("/routing/queues", (q) => q.id);
  const [editing, setEditing] = useState<QueueDto | "new" | null>(null);

  const summaryText = { days: WEEKDAYS.map((d) => t(`routingAdmin.hours.short.d${d}`)), closed: t("routingAdmin.hours.closed"), always: t("routingAdmin.hours.always") };

  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm" c="dimmed" maw={760}>
          {t("routingAdmin.queues.hint")}
        </Text>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing("new")} data-testid="queue-add" style={{ flexShrink: 0 }}>
          {t("routingAdmin.queues.add")}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={960}>
        <Table striped highlightOnHover data-testid="queues-table">
          <TableHeader
            labels={[t("routingAdmin.queues.name"), t("routingAdmin.queues.channels"), t("routingAdmin.queues.topics"), t("routingAdmin.queues.line"), t("routingAdmin.queues.hours"), t("common.status")]}
            withActions
          />
          <Table.Tbody>
            {(items ?? []).map((queue) => (
              <Table.Tr key={queue.id} data-testid="queue-row" data-code={queue.code}>
                <Table.Td>
                  <Text size="sm">{name(queue)}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {queue.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {queue.channels.map((c) => (
                      <Badge key={c} variant="light" color="gray">
                        {channelName(c)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {queue.topicIds.length === 0 ? (
                    <Badge variant="light" color="blue">
                      {t("routingAdmin.queues.general")}
                    </Badge>
                  ) : (
                    <Tooltip label={queue.topicIds.map(topicName).join("; ")} multiline maw={360}>
                      <Text size="sm" span tabIndex={0} style={{ textDecoration: "underline dotted" }}>
                        {queue.topicIds.length}
                      </Text>
                    </Tooltip>
                  )}
                </Table.Td>
                <Table.Td>{lineLabel(queue.line)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{hoursSummary(queue.hours, summaryText)}</Text>
                </Table.Td>
                <Table.Td>
                  <ActiveBadge active={queue.active} />
                </Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(queue)} aria-label={`${t("common.edit")}: ${name(queue)}`}>
                    {t("common.edit")}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {items !== null && items.length === 0 && (
        <Text c="dimmed" ta="center" p="lg">
          {t("routingAdmin.queues.empty")}
        </Text>
      )}
      {editing !== null && (
        <QueueModal
          queue={editing === "new" ? null : editing}
          queues={items ?? []}
          onClose={() => setEditing(null)}
          onSaved={put}
        />
      )}
    </Stack>
  );
}
