import type { AppealDto } from "@bailanys/common/api/appeals";
import { Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { EscalationBadge } from "../../../components/EscalationBadge.tsx";
import { OverdueBadge } from "../../../components/OverdueBadge.tsx";
import { StatusBadge } from "../../../components/StatusBadge.tsx";
import { formatDateTime } from "../../../lib/formatDateTime.ts";

/** Number, status, deadline and escalation at a glance. */
export function AppealHeader({ card }: { card: AppealDto }) {
  const { t } = useTranslation();
  const extended = card.originalDueAt !== card.dueAt;
  return (
    <Card withBorder style={card.overdue ? { boxShadow: "inset 4px 0 0 var(--mantine-color-red-6)" } : undefined}>
      <Stack gap="xs">
        <Anchor component={Link} to="/appeals" size="sm">
          <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: "middle", marginRight: 4 }} />
          {t("card.backToRegistry")}
        </Anchor>
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {t("card.numberLabel")}
            </Text>
            <Title order={2} data-testid="appeal-number">
              {card.number}
            </Title>
            <Text fw={500}>{card.subject}</Text>
          </Stack>
          <Group gap="xs">
            <StatusBadge status={card.status} testId="appeal-status" size="lg" />
            {card.overdue && <OverdueBadge />}
            <EscalationBadge level={card.escalationLevel} />
            {card.closedAt && (
              <Badge color="gray" variant="outline">
                {t("card.closedAt", { date: formatDateTime(card.closedAt) })}
              </Badge>
            )}
          </Group>
        </Group>
        <Group gap="xl">
          <div>
            <Text size="xs" c="dimmed">
              {t("appeals.dueAt")}
            </Text>
            <Text fw={600} c={card.overdue ? "red.8" : undefined} data-testid="appeal-due">
              {formatDateTime(card.dueAt)}
            </Text>
          </div>
          {extended && (
            <div>
              <Text size="xs" c="dimmed">
                {t("card.originalDueAt")}
              </Text>
              <Text td="line-through" c="dimmed">
                {formatDateTime(card.originalDueAt)}
              </Text>
            </div>
          )}
          <div>
            <Text size="xs" c="dimmed">
              {t("appeals.registeredAt")}
            </Text>
            <Text>{formatDateTime(card.registeredAt)}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t("card.escalation")}
            </Text>
            <Text>{card.escalationLevel > 0 ? t("appeals.escalationLevel", { level: card.escalationLevel }) : t("card.noEscalation")}</Text>
          </div>
        </Group>
      </Stack>
    </Card>
  );
}
