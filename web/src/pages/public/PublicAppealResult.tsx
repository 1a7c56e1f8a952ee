import type { PublicAppealDto } from "@bailanys/common/api/appeals";
import { Badge, Card, Group, Stack, Table, Text, Timeline, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { InfoGrid } from "../../components/InfoGrid.tsx";
import { formatDateTime } from "../../lib/formatDateTime.ts";
import { TableHeader } from "../../components/TableHeader.tsx";

const PHASE_COLOR: Record<string, string> = { new: "blue", routing: "yellow", in_progress: "indigo", awaiting_confirmation: "cyan", closed: "green" };
const FORWARD_STATUSES = ["sent", "accepted", "answered", "returned"] as const;

/** What the applicant may see of their appeal: status, deadline, who handles it, the public history. */
export function PublicAppealResult({ appeal }: { appeal: PublicAppealDto }) {
  const { t } = useTranslation();
  const responsible = [appeal.body, appeal.unit, appeal.position].filter((x): x is string => x !== null && x !== "").join(", ");
  const forwardStatus = (status: string) => {
    const known = FORWARD_STATUSES.find((s) => s === status);
    return known ? t(`forwardStatus.${known}`) : status;
  };
  return (
    <Card withBorder data-testid="public-result">
      <Stack>
        <Group justify="space-between" align="flex-start">
          <div>
            <Text size="sm" c="dimmed">
              {t("card.numberLabel")}
            </Text>
            <Title order={3} data-testid="public-number">
              {appeal.number}
            </Title>
          </div>
          <Badge size="lg" color={PHASE_COLOR[appeal.status.phase] ?? "gray"} variant="light" data-testid="public-status">
            {appeal.status.name}
          </Badge>
        </Group>
        <InfoGrid
          items={[
            { label: t("appeals.registeredAt"), value: formatDateTime(appeal.registeredAt) },
            { label: t("appeals.type"), value: appeal.type },
            { label: appeal.closed ? t("public.dueWas") : t("appeals.dueAt"), value: formatDateTime(appeal.dueAt) },
            { label: t("public.responsible"), value: responsible },
          ]}
        />
        {appeal.history.length > 0 && (
          <div>
            <Title order={4} mb="sm">
              {t("public.history")}
            </Title>
            <Timeline bulletSize={14} lineWidth={2} active={appeal.history.length}>
              {appeal.history.map((h, index) => (
                <Timeline.Item key={`${h.at}-${index}`} title={h.status ?? t("public.update")}>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(h.at)}
                  </Text>
                  {h.message && (
                    <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                      {h.message}
                    </Text>
                  )}
                </Timeline.Item>
              ))}
            </Timeline>
          </div>
        )}
        {appeal.forwards.length > 0 && (
          <div>
            <Title order={4} mb="sm">
              {t("forward.listTitle")}
            </Title>
            <Table.ScrollContainer minWidth={500}>
              <Table>
                <TableHeader labels={[t("forward.target"), t("forward.scope"), t("forward.forwardedAt"), t("forward.status")]} />
                <Table.Tbody>
                  {appeal.forwards.map((f, index) => (
                    <Table.Tr key={`${f.at}-${index}`}>
                      <Table.Td>
                        {f.to}
                        {f.childNumber && (
                          <Text size="xs" c="dimmed">
                            {t("forward.childNumber", { number: f.childNumber })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{f.scope === "part" ? t("forward.scopePart") : t("forward.scopeWhole")}</Table.Td>
                      <Table.Td>{formatDateTime(f.at)}</Table.Td>
                      <Table.Td>{forwardStatus(f.status)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </div>
        )}
      </Stack>
    </Card>
  );
}

