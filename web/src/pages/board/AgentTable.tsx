import type { BoardDto } from "@bailanys/common/api/contacts";
import { Button, Group, Paper, Table, Text, Title } from "@mantine/core";
import { IconEye } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { TableHeader } from "../../components/TableHeader.tsx";
import { formatDuration, secondsSince } from "../workspace/durations.ts";
import { PresenceBadge } from "../workspace/PresenceBadge.tsx";
import { sortAgents } from "./boardFormat.ts";

interface Props {
  agents: BoardDto["agents"];
  /** Server time now (ms), ticking. */
  now: number;
  onOpenContact: (contactId: string) => void;
}

/** Per operator: presence, reason, time in it and their open conversations, each one click from a read-only view. */
export function AgentTable({ agents, now, onOpenContact }: Props) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="board-agents-title">
      <Title order={2} size="h5" mb="xs" id="board-agents-title">
        {t("workspace.board.agents")}
      </Title>
      {agents.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t("workspace.board.noAgents")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table data-testid="board-agents" verticalSpacing="xs" highlightOnHover>
            <TableHeader labels={[t("workspace.board.operator"), t("workspace.board.status"), t("workspace.board.reason"), t("workspace.board.inState"), t("workspace.board.contacts")]} />
            <Table.Tbody>
              {sortAgents(agents).map((agent) => (
                <Table.Tr key={agent.id} data-testid="board-agent-row" data-agent-id={agent.id} data-presence={agent.presence}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {agent.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <PresenceBadge presence={agent.presence} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{agent.reason?.name ?? "—"}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {formatDuration(secondsSince(agent.since, now) ?? 0)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      {agent.contacts.length === 0 && <Text size="sm">—</Text>}
                      {agent.contacts.map((contact) => {
                        const name = contact.visitorName ?? t("workspace.offers.visitor");
                        return (
                          <Button
                            key={contact.id}
                            size="compact-xs"
                            variant="light"
                            color={contact.state === "wrapup" ? "violet" : contact.state === "offered" ? "yellow" : "bailanys"}
                            leftSection={<IconEye size={12} aria-hidden />}
                            onClick={() => onOpenContact(contact.id)}
                            title={t("workspace.board.openContact", { name })}
                            data-testid="board-contact"
                            data-contact-id={contact.id}
                          >
                            {name} · {t(`workspace.contactState.${contact.state}`)}
                            {contact.since ? ` · ${formatDuration(secondsSince(contact.since, now) ?? 0)}` : ""}
                          </Button>
                        );
                      })}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
