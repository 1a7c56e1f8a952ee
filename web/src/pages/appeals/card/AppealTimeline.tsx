import type { AppealEventDto } from "@bailanys/common/api/appeals";
import { Badge, Card, Group, Text, Timeline, Title } from "@mantine/core";
import { IconArrowRight, IconEye, IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "../../../components/StatusBadge.tsx";
import { useLocalizedName } from "../../../i18n/useLocalizedName.ts";
import { formatDateTime } from "../../../lib/formatDateTime.ts";
import { useReference } from "../../../reference/useReference.ts";
import { isEventKind, isForwardStatus } from "./eventKinds.ts";

const str = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/** The appeal's history, oldest first; what the citizen also sees is marked so staff know what was told. */
export function AppealTimeline({ events }: { events: AppealEventDto[] }) {
  const { t } = useTranslation();
  const { reference } = useReference();
  const name = useLocalizedName();
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);

  const detailText = (event: AppealEventDto): string | null => {
    const d = event.details;
    switch (event.kind) {
      case "assigned": {
        const unit = reference?.units.find((u) => u.id === d.unitId);
        const position = reference?.positions.find((p) => p.id === d.positionId);
        const parts = [unit ? name(unit) : null, position ? name(position) : null].filter((x): x is string => x !== null);
        return parts.length > 0 ? parts.join(", ") : null;
      }
      case "forwarded": {
        const body = reference?.bodies.find((b) => b.id === d.toBodyId);
        const scope = d.scope === "part" ? t("forward.scopePart") : t("forward.scopeWhole");
        return [body ? name(body) : null, scope].filter((x): x is string => x !== null).join(" · ");
      }
      case "forward_status":
        return isForwardStatus(d.status) ? t(`forwardStatus.${d.status}`) : null;
      case "extended": {
        const previous = str(d.previousDueAt);
        const next = str(d.newDueAt);
        return previous && next ? `${formatDateTime(previous)} → ${formatDateTime(next)}` : null;
      }
      case "escalated":
        return typeof d.level === "number" ? t("appeals.escalationLevel", { level: d.level }) : null;
      case "duplicate_linked":
        return str(d.originalNumber);
      case "duplicate_received":
        return str(d.duplicateNumber);
      case "registered":
        return str(d.parentNumber) ? t("card.childOf", { number: str(d.parentNumber) }) : null;
      default:
        return null;
    }
  };

  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="md">
        {t("card.timeline")}
      </Title>
      <Timeline bulletSize={22} lineWidth={2} active={sorted.length}>
        {sorted.map((event) => (
          <Timeline.Item
            key={event.id}
            data-testid="timeline-event"
            data-kind={event.kind}
            bullet={event.clientVisible ? <IconEye size={12} aria-hidden /> : <IconLock size={12} aria-hidden />}
            title={
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {isEventKind(event.kind) ? t(`eventKind.${event.kind}`) : event.kind}
                </Text>
                {event.fromStatus && <StatusBadge status={event.fromStatus} />}
                {event.fromStatus && event.toStatus && <IconArrowRight size={14} aria-label={t("card.to")} />}
                {event.toStatus && <StatusBadge status={event.toStatus} />}
                {event.clientVisible && (
                  <Badge size="sm" variant="light" color="teal" leftSection={<IconEye size={12} aria-hidden />}>
                    {t("card.visibleToCitizen")}
                  </Badge>
                )}
              </Group>
            }
          >
            <Text size="xs" c="dimmed">
              {formatDateTime(event.at)} · {event.actorName ?? t("card.system")}
            </Text>
            {detailText(event) && <Text size="sm">{detailText(event)}</Text>}
            {event.reason && (
              <Text size="sm">
                <Text span c="dimmed" size="sm">
                  {t("card.reason")}:{" "}
                </Text>
                {event.reason}
              </Text>
            )}
            {event.clientMessage && (
              <Text size="sm">
                <Text span c="dimmed" size="sm">
                  {t("card.clientMessage")}:{" "}
                </Text>
                {event.clientMessage}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}
