import type { WorkspaceOptions } from "@bailanys/common/api/contacts";
import { Button, NavLink, Popover, ScrollArea, Stack, Text, TextInput } from "@mantine/core";
import { IconMessageBolt, IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

type CannedReply = WorkspaceOptions["cannedReplies"][number];

interface Props {
  replies: readonly CannedReply[];
  /** The conversation's language: only replies written in it are offered. */
  language: string;
  topicId: string | null;
  onPick: (body: string) => void;
}

/** Replies in the conversation's language, those for its topic first, filtered by what the operator types. */
export function CannedReplies({ replies, language, topicId, onPick }: Props) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [query, setQuery] = useState("");
  const needle = query.trim().toLocaleLowerCase();
  const shown = replies
    .filter((r) => r.language === language && (r.topicId === null || r.topicId === topicId))
    .filter((r) => needle === "" || `${r.title} ${r.body}`.toLocaleLowerCase().includes(needle))
    .sort((a, b) => Number(b.topicId !== null) - Number(a.topicId !== null));

  return (
    <Popover opened={opened} onChange={setOpened} position="top-start" width={360} trapFocus shadow="md" withinPortal>
      <Popover.Target>
        <Button size="xs" variant="default" leftSection={<IconMessageBolt size={14} aria-hidden />} onClick={() => setOpened((o) => !o)} aria-expanded={opened} data-testid="canned-replies">
          {t("workspace.composer.canned")}
        </Button>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <TextInput
          size="xs"
          placeholder={t("workspace.composer.cannedSearch")}
          aria-label={t("workspace.composer.cannedSearch")}
          leftSection={<IconSearch size={14} aria-hidden />}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          mb="xs"
          data-autofocus
        />
        {shown.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("workspace.composer.cannedEmpty")}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={280} type="auto">
            <Stack gap={2}>
              {shown.map((reply) => (
                <NavLink
                  key={reply.id}
                  component="button"
                  type="button"
                  label={reply.title}
                  description={<Text size="xs" c="dimmed" lineClamp={2}>{reply.body}</Text>}
                  style={{ borderRadius: "var(--mantine-radius-sm)" }}
                  onClick={() => {
                    onPick(reply.body);
                    setOpened(false);
                    setQuery("");
                  }}
                  data-testid="canned-reply"
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
