import type { ExtensionDto } from "@bailanys/common/api/appeals";
import { Card, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../lib/formatDateTime.ts";
import { TableHeader } from "../../../components/TableHeader.tsx";

/** Each extension of the deadline with its reason, plan and approver. */
export function ExtensionsList({ extensions }: { extensions: ExtensionDto[] }) {
  const { t } = useTranslation();
  if (extensions.length === 0) {
    return null;
  }
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t("extend.listTitle")}
      </Title>
      <Table.ScrollContainer minWidth={700}>
        <Table>
          <TableHeader labels={[t("extend.previous"), t("extend.next"), t("card.reason"), t("extend.plan"), t("extend.approvedBy")]} />
          <Table.Tbody>
            {extensions.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatDateTime(e.previousDueAt)}</Table.Td>
                <Table.Td>{formatDateTime(e.newDueAt)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{e.reason}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{e.actionPlan}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{e.approvedBy?.name ?? "—"}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(e.approvedAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
