import type { LogEntryDto } from "@bailanys/common/api/contacts";
import { Anchor, Paper, Text } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { formatTime } from "./chatFormat.ts";
import { describeEvent } from "./chatEvents.ts";

/** A system event of the chat as one centred line; an appeal registered from the chat as a card with its number. */
export function ChatEventItem({ entry }: { entry: LogEntryDto }) {
  const { t } = useTranslation();
  const view = describeEvent(entry);
  if (view.kind === "hidden") {
    return null;
  }
  if (view.kind === "appeal") {
    return (
      <li data-testid="chat-event" data-event={entry.event}>
        <Paper withBorder p="sm" radius="md" my="xs" style={{ borderColor: "var(--mantine-color-green-7)", borderWidth: 2 }}>
          <Text fw={600} size="sm" c="black" style={{ display: "flex", alignItems: "center", gap: 6 }}>
            <IconCircleCheck size={18} color="var(--mantine-color-green-8)" aria-hidden />
            {t("chat.appeal.title")}
          </Text>
          {view.number === null ? (
            <Text size="sm">{t("chat.appeal.noNumber")}</Text>
          ) : (
            <>
              <Text size="xs" c="gray.7" mt={4}>
                {t("chat.appeal.number")}
              </Text>
              <Text fw={700} fz="xl" ff="monospace" data-testid="chat-appeal-number" style={{ overflowWrap: "anywhere", userSelect: "all" }}>
                {view.number}
              </Text>
            </>
          )}
          {/* A tab of its own, so that the chat (often in a widget's frame) stays open. */}
          <Anchor href="/status" target="_blank" rel="noopener" size="sm">
            {t("chat.appeal.track")}
          </Anchor>
        </Paper>
      </li>
    );
  }
  return (
    <li data-testid="chat-event" data-event={entry.event}>
      <Text size="xs" c="gray.7" ta="center" my={4}>
        {t(`chat.events.${view.key}`, { name: view.name ?? "" })} · <time dateTime={entry.at}>{formatTime(entry.at)}</time>
      </Text>
    </li>
  );
}
