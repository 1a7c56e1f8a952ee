import type { ContactDto } from "@bailanys/common/api/contacts";
import { Badge, Group, NavLink, Paper, ScrollArea, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { unreadCount, type ContactLogs } from "./contactLogs.ts";

interface Props {
  contacts: readonly ContactDto[];
  logs: ContactLogs;
  selectedId: string | null;
  onSelect: (contactId: string) => void;
}

const STATE_COLOR: Partial<Record<ContactDto["state"], string>> = { active: "teal", held: "yellow", wrapup: "violet" };

/** The operator's open conversations, each with its state and the citizen messages not yet seen. */
export function ContactTabs({ contacts, logs, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs" h="100%" component="nav" aria-label={t("workspace.contacts.title")} style={{ display: "flex", flexDirection: "column", minHeight: 0 }}>
      <Title order={2} size="h6" px={6} pb={6}>
        {t("workspace.contacts.title")}
      </Title>
      {contacts.length === 0 ? (
        <Text size="sm" c="dimmed" px={6}>
          {t("workspace.contacts.none")}
        </Text>
      ) : (
        <ScrollArea style={{ flex: 1 }} type="auto">
          <Stack gap={4}>
            {contacts.map((contact) => {
              const unread = unreadCount(logs[contact.id]);
              const name = contact.visitor.name ?? contact.citizen?.name ?? t("workspace.offers.visitor");
              return (
                <NavLink
                  key={contact.id}
                  component="button"
                  type="button"
                  active={contact.id === selectedId}
                  aria-current={contact.id === selectedId ? "true" : undefined}
                  onClick={() => onSelect(contact.id)}
                  data-testid="contact-tab"
                  data-contact-id={contact.id}
                  data-state={contact.state}
                  style={{ borderRadius: "var(--mantine-radius-sm)" }}
                  label={
                    <Text size="sm" fw={unread > 0 ? 700 : 500} truncate>
                      {name}
                    </Text>
                  }
                  description={
                    <Group gap={4} wrap="nowrap" mt={2} component="span">
                      <Badge size="xs" variant="light" color={STATE_COLOR[contact.state] ?? "gray"} style={{ flexShrink: 0 }}>
                        {t(`workspace.contactState.${contact.state}`)}
                      </Badge>
                      <Text size="xs" c="dimmed" truncate>
                        {contact.topic?.name ?? contact.channel.name}
                      </Text>
                    </Group>
                  }
                  rightSection={
                    unread > 0 ? (
                      <Badge size="sm" circle color="red" aria-label={t("workspace.contacts.unread", { count: unread })} data-testid="contact-unread">
                        {unread}
                      </Badge>
                    ) : null
                  }
                />
              );
            })}
          </Stack>
        </ScrollArea>
      )}
    </Paper>
  );
}
