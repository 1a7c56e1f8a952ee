import type { OfferDto } from "@bailanys/common/api/contacts";
import { Badge, Button, Group, Paper, RingProgress, Stack, Text } from "@mantine/core";
import { IconCheck, IconMessageCircle, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { OfferClock } from "./agentState.ts";
import { formatDuration, secondsSince, secondsUntil } from "./durations.ts";

interface Props {
  offer: OfferDto;
  clock: OfferClock;
  now: number;
  busy: boolean;
  onAccept: () => void;
  onDecline: () => void;
}

/** An incoming chat: who, about what, in which language and queue, with a countdown and Accept / Decline. */
export function OfferCard({ offer, clock, now, busy, onAccept, onDecline }: Props) {
  const { t } = useTranslation();
  const contact = offer.contact;
  const left = secondsUntil(clock.deadline, now);
  const total = Math.max(clock.seconds, 1);
  const urgent = left <= 5;
  const waited = secondsSince(contact.queuedAt ?? contact.arrivedAt, now) ?? 0;
  const name = contact.visitor.name ?? t("workspace.offers.visitor");

  return (
    <Paper
      withBorder
      shadow="sm"
      p="sm"
      style={{ borderLeft: `6px solid var(--mantine-color-${urgent ? "red" : "bailanys"}-6)` }}
      role="group"
      aria-label={`${t("workspace.offers.title")}: ${name}`}
      data-testid="offer-card"
      data-contact-id={contact.id}
    >
      <Group justify="space-between" wrap="nowrap" align="center" gap="md">
        <Group wrap="nowrap" gap="md" miw={0}>
          <RingProgress
            size={64}
            thickness={6}
            roundCaps
            sections={[{ value: Math.min(100, (left / total) * 100), color: urgent ? "red" : "bailanys" }]}
            label={
              <Text ta="center" fw={700} size="sm" ff="monospace" aria-label={t("workspace.offers.secondsLeft", { seconds: left })}>
                {left}
              </Text>
            }
          />
          <Stack gap={2} miw={0}>
            <Group gap="xs" wrap="nowrap">
              <IconMessageCircle size={18} aria-hidden />
              <Text fw={700} truncate>
                {name}
              </Text>
            </Group>
            <Text size="sm" truncate>
              {contact.topic?.name ?? t("workspace.offers.noTopic")}
            </Text>
            <Group gap={6} wrap="wrap">
              {contact.queue && (
                <Badge variant="light" size="sm">
                  {contact.queue.name}
                </Badge>
              )}
              <Badge variant="outline" size="sm">
                {contact.language.name}
              </Badge>
              <Badge variant="outline" size="sm" color="gray">
                {contact.channel.name}
              </Badge>
              <Text size="xs" c="dimmed">
                {t("workspace.offers.waiting", { time: formatDuration(waited) })}
              </Text>
            </Group>
          </Stack>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button color="teal" leftSection={<IconCheck size={16} aria-hidden />} onClick={onAccept} loading={busy} data-testid="offer-accept">
            {t("workspace.offers.accept")}
          </Button>
          <Button variant="default" leftSection={<IconX size={16} aria-hidden />} onClick={onDecline} disabled={busy} data-testid="offer-decline">
            {t("workspace.offers.decline")}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
