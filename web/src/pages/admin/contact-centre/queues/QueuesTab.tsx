import type { QueueDto } from "@bailanys/common/api/routing-admin";
import { Badge, Stack, Table, Text, Tooltip } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ActiveBadge } from "../../../../components/ActiveBadge.tsx";
import { useLocalizedName } from "../../../../i18n/useLocalizedName.ts";
import { AdminTable } from "../shared/AdminTable.tsx";
import { ChannelBadges } from "../shared/ChannelBadges.tsx";
import { EditButton } from "../shared/EditButton.tsx";
import { TabIntro } from "../shared/TabIntro.tsx";
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
      <TabIntro hint={t("routingAdmin.queues.hint")} action={{ label: t("routingAdmin.queues.add"), icon: IconPlus, onClick: () => setEditing("new"), testId: "queue-add" }} />
      <AdminTable
        testId="queues-table"
        minWidth={960}
        labels={[t("routingAdmin.queues.name"), t("routingAdmin.queues.channels"), t("routingAdmin.queues.topics"), t("routingAdmin.queues.line"), t("routingAdmin.queues.hours"), t("common.status")]}
        rows={items}
        empty={t("routingAdmin.queues.empty")}
      >
        {(queue) => (
          <Table.Tr key={queue.id} data-testid="queue-row" data-code={queue.code}>
            <Table.Td>
              <Text size="sm">{name(queue)}</Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {queue.code}
              </Text>
            </Table.Td>
            <Table.Td>
              <ChannelBadges codes={queue.channels} channelName={channelName} />
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
              <EditButton what={name(queue)} onClick={() => setEditing(queue)} />
            </Table.Td>
          </Table.Tr>
        )}
      </AdminTable>
      {editing !== null && <QueueModal queue={editing === "new" ? null : editing} queues={items ?? []} onClose={() => setEditing(null)} onSaved={put} />}
    </Stack>
  );
}
