import type { AgentProfileDto } from "@bailanys/common/api/routing-admin";
import { AGENT_PRESENCE, type AgentPresence } from "@bailanys/common/contacts";
import { isRole } from "@bailanys/common/permissions";
import { Badge, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ActiveBadge } from "../../../../components/ActiveBadge.tsx";
import { AdminTable } from "../shared/AdminTable.tsx";
import { EditButton } from "../shared/EditButton.tsx";
import { TabIntro } from "../shared/TabIntro.tsx";
import { useAdminList } from "../shared/useAdminList.ts";
import { useRoutingOptions } from "../shared/useRoutingOptions.tsx";
import { AgentModal } from "./AgentModal.tsx";

const STATE_COLORS: Record<AgentPresence, string> = { offline: "gray", ready: "teal", not_ready: "orange", busy: "blue", wrapup: "grape" };
const isPresence = (value: string): value is AgentPresence => (AGENT_PRESENCE as readonly string[]).includes(value);

/** Everyone who may handle contacts, with their routing profile: languages, line, capacity per channel, skills. */
export function AgentsTab() {
  const { t } = useTranslation();
  const { channelName, languageName, lineLabel } = useRoutingOptions();
  const { items, put } = useAdminList<AgentProfileDto>("/routing/agents", (a) => a.userId);
  const [editing, setEditing] = useState<AgentProfileDto | null>(null);

  return (
    <Stack>
      <TabIntro hint={t("routingAdmin.agents.hint")} />
      <AdminTable
        testId="agents-table"
        minWidth={1100}
        labels={[
          t("routingAdmin.agents.name"),
          t("routingAdmin.agents.login"),
          t("routingAdmin.agents.roles"),
          t("routingAdmin.agents.languages"),
          t("routingAdmin.agents.line"),
          t("routingAdmin.agents.capacities"),
          t("routingAdmin.agents.skills"),
          t("routingAdmin.agents.state"),
        ]}
        rows={items}
        empty={t("routingAdmin.agents.empty")}
      >
        {(agent) => {
          const profile = agent.profile;
          return (
            <Table.Tr key={agent.userId} data-testid="agent-row" data-user-id={agent.userId}>
              <Table.Td>
                <Text size="sm">{agent.fullName}</Text>
                {!agent.active && <ActiveBadge active={false} />}
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {agent.login}
                </Text>
              </Table.Td>
              <Table.Td>{agent.roles.map((r) => (isRole(r) ? t(`roles.${r}`) : r)).join(", ")}</Table.Td>
              {profile === null ? (
                <Table.Td colSpan={4}>
                  <Badge color="orange" variant="light">
                    {t("routingAdmin.agents.noProfile")}
                  </Badge>
                </Table.Td>
              ) : (
                <>
                  <Table.Td>{profile.languages.map(languageName).join(", ")}</Table.Td>
                  <Table.Td>{lineLabel(profile.line)}</Table.Td>
                  <Table.Td>{profile.channels.map((c) => `${channelName(c.channel)}: ${c.capacity}`).join(", ") || "—"}</Table.Td>
                  <Table.Td>{profile.skills.length}</Table.Td>
                </>
              )}
              <Table.Td>
                <Badge variant="light" color={isPresence(agent.state) ? STATE_COLORS[agent.state] : "gray"}>
                  {isPresence(agent.state) ? t(`workspace.presence.${agent.state}`) : agent.state}
                </Badge>
              </Table.Td>
              <Table.Td>
                <EditButton what={agent.fullName} onClick={() => setEditing(agent)} testId="agent-edit" />
              </Table.Td>
            </Table.Tr>
          );
        }}
      </AdminTable>
      {editing !== null && <AgentModal agent={editing} onClose={() => setEditing(null)} onSaved={put} />}
    </Stack>
  );
}
