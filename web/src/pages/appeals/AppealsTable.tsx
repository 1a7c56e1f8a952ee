import type { AppealListItem } from "@bailanys/common/api/appeals";
import { Anchor, Badge, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { EscalationBadge } from "../../components/EscalationBadge.tsx";
import { OverdueBadge } from "../../components/OverdueBadge.tsx";
import { StatusBadge } from "../../components/StatusBadge.tsx";
import { formatDateTime } from "../../lib/formatDateTime.ts";
import { TableHeader } from "../../components/TableHeader.tsx";

const OVERDUE_ROW = {
  backgroundColor: "var(--mantine-color-red-0)",
  boxShadow: "inset 4px 0 0 var(--mantine-color-red-6)",
};

/** The registry rows; overdue ones get a red edge and background plus a written badge. */
export function AppealsTable({ items }: { items: AppealListItem[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table data-testid="appeals-table" highlightOnHover verticalSpacing="xs" striped={false}>
        <TableHeader labels={[t("appeals.number"), t("appeals.subject"), t("appeals.applicant"), t("appeals.type"), t("appeals.status"), t("appeals.criticality"), t("appeals.registeredAt"), t("appeals.dueAt"), t("appeals.responsible")]} />
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr
              key={item.id}
              data-testid="appeal-row"
              data-overdue={item.overdue || undefined}
              data-number={item.number}
              style={{ cursor: "pointer", ...(item.overdue ? OVERDUE_ROW : {}) }}
              onClick={() => void navigate(`/appeals/${item.id}`)}
            >
              <Table.Td>
                {/* The link makes the row reachable by keyboard; the row click is a convenience for the mouse. */}
                <Anchor component={Link} to={`/appeals/${item.id}`} fw={600} size="sm" onClick={(e) => e.stopPropagation()} style={{ whiteSpace: "nowrap" }}>
                  {item.number}
                </Anchor>
              </Table.Td>
              <Table.Td maw={320}>
                <Text size="sm" lineClamp={2}>
                  {item.subject}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{item.applicantName ?? "—"}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{item.type.name}</Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={item.status} />
              </Table.Td>
              <Table.Td>
                <Badge color={item.criticality.color} variant="dot">
                  {item.criticality.name}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                  {formatDateTime(item.registeredAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <Text size="sm" style={{ whiteSpace: "nowrap" }} c={item.overdue ? "red.8" : undefined} fw={item.overdue ? 600 : undefined}>
                    {formatDateTime(item.dueAt)}
                  </Text>
                  <Group gap={4}>
                    {item.overdue && <OverdueBadge />}
                    <EscalationBadge level={item.escalationLevel} />
                  </Group>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{item.body.name}</Text>
                {item.unit && (
                  <Text size="xs" c="dimmed">
                    {item.unit.name}
                  </Text>
                )}
                {item.assignee && (
                  <Text size="xs" c="dimmed">
                    {item.assignee.name}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
