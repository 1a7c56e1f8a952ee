import type { ExtensionDto } from "@bailanys/common/api/appeals";
import { Card, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../lib/formatDateTime.ts";

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
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("extend.previous")}</Table.Th>
              <Table.Th>{t("extend.next")}</Table.Th>
              <Table.Th>{t("card.reason")}</Table.Th>
              <Table.Th>{t("extend.plan")}</Table.Th>
              <Table.Th>{t("extend.approvedBy")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
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
