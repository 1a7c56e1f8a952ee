import type { ForwardDto } from "@bailanys/common/api/appeals";
import { Anchor, Badge, Button, Card, Menu, Table, Text, Title } from "@mantine/core";
import { IconChevronDown } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { StatusBadge } from "../../../components/StatusBadge.tsx";
import { formatDateTime } from "../../../lib/formatDateTime.ts";
import { isForwardStatus, type ForwardStatusValue } from "./eventKinds.ts";
import { TableHeader } from "../../../components/TableHeader.tsx";

interface Props {
  forwards: ForwardDto[];
  /** Present when the user may record what became of a forward. */
  onStatus?: (forward: ForwardDto, status: ForwardStatusValue) => void;
  busy: boolean;
}

const NEXT_STATUSES: ForwardStatusValue[] = ["accepted", "answered", "returned"];

/** Where the appeal (or a part of it) was sent and what became of it. */
export function ForwardsList({ forwards, onStatus, busy }: Props) {
  const { t } = useTranslation();
  if (forwards.length === 0) {
    return null;
  }
  const statusText = (status: string) => (isForwardStatus(status) ? t(`forwardStatus.${status}`) : status);
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="sm">
        {t("forward.listTitle")}
      </Title>
      <Table.ScrollContainer minWidth={800}>
        <Table data-testid="forwards-table">
          <TableHeader labels={[t("forward.target"), t("forward.scope"), t("forward.forwardedAt"), t("forward.status"), t("forward.withinLimit"), t("forward.child")]} />
          <Table.Tbody>
            {forwards.map((f) => (
              <Table.Tr key={f.id} data-testid="forward-row">
                <Table.Td>
                  <Text size="sm">{f.toBody?.name ?? f.externalBodyName ?? "—"}</Text>
                  <Text size="xs" c="dimmed">
                    {f.reason}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{f.scope === "part" ? t("forward.scopePart") : t("forward.scopeWhole")}</Text>
                  {f.partDescription && (
                    <Text size="xs" c="dimmed">
                      {f.partDescription}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(f.forwardedAt)}</Text>
                </Table.Td>
                <Table.Td>
                  {onStatus ? (
                    <Menu position="bottom-start" withinPortal>
                      <Menu.Target>
                        <Button size="compact-sm" variant="light" rightSection={<IconChevronDown size={14} aria-hidden />} loading={busy} aria-label={t("forward.changeStatus", { status: statusText(f.status) })}>
                          {statusText(f.status)}
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        {NEXT_STATUSES.filter((s) => s !== f.status).map((s) => (
                          <Menu.Item key={s} onClick={() => onStatus(f, s)}>
                            {t(`forwardStatus.${s}`)}
                          </Menu.Item>
                        ))}
                      </Menu.Dropdown>
                    </Menu>
                  ) : (
                    <Text size="sm">{statusText(f.status)}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={f.withinLimit ? "teal" : "red"} variant="light">
                    {f.withinLimit ? t("common.yes") : t("common.no")}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {f.childAppeal ? (
                    <>
                      <Anchor component={Link} to={`/appeals/${f.childAppeal.id}`} size="sm">
                        {f.childAppeal.number}
                      </Anchor>{" "}
                      <StatusBadge status={f.childAppeal.status} />
                    </>
                  ) : (
                    "—"
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
