import type { TimelineItem } from "@bailanys/common/api/contacts";
import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { IconFileText, IconMessages } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { formatDateTime } from "../../lib/formatDateTime.ts";
import { isContactState, timelineNewestFirst } from "./citizenCard.ts";

/** One contact or appeal: when and where, what became of it, and (once verified) what it was about. */
function TimelineEntry({ item, current }: { item: TimelineItem; current: boolean }) {
  const { t } = useTranslation();
  const state = item.kind === "contact" && isContactState(item.state) ? t(`workspace.contactState.${item.state}`) : item.state;
  const Icon = item.kind === "appeal" ? IconFileText : IconMessages;
  return (
    <Stack
      component="li"
      gap={2}
      pl={8}
      style={{ borderLeft: `2px solid var(--mantine-color-${item.kind === "appeal" ? "bailanys-4" : "gray-4"})` }}
      data-testid="timeline-item"
      data-kind={item.kind}
      data-id={item.id}
    >
      <Text size="xs" c="dimmed">
        <time dateTime={item.at}>{formatDateTime(item.at)}</time> · {item.channel.name}
      </Text>
      <Group gap={6} wrap="wrap">
        <Icon size={14} aria-hidden />
        {item.kind === "appeal" && item.number !== null ? (
          <Anchor component={Link} to={`/appeals/${item.id}`} target="_blank" size="sm" fw={600}>
            {item.number}
          </Anchor>
        ) : (
          <Text size="sm" fw={600}>
            {t("workspace.citizen.contact")}
            {current && ` (${t("workspace.citizen.thisConversation")})`}
          </Text>
        )}
        <Badge size="xs" variant="light" color="gray" style={{ textTransform: "none" }}>
          {state}
        </Badge>
      </Group>
      {item.title !== null && (
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {item.title}
        </Text>
      )}
      {item.agentName !== null && (
        <Text size="xs" c="dimmed">
          {t("workspace.citizen.agent", { name: item.agentName })}
        </Text>
      )}
    </Stack>
  );
}

/** The citizen's contacts and appeals across channels, newest first (R32.2). */
export function CitizenTimeline({ items, contactId }: { items: readonly TimelineItem[]; contactId: string }) {
  const { t } = useTranslation();
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("workspace.citizen.noHistory")}
      </Text>
    );
  }
  return (
    <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: "none" }} aria-label={t("workspace.citizen.history")}>
      {timelineNewestFirst(items).map((item) => (
        <TimelineEntry key={`${item.kind}-${item.id}`} item={item} current={item.kind === "contact" && item.id === contactId} />
      ))}
    </Stack>
  );
}
