import type { AppealDto } from "@bailanys/common/api/appeals";
import type { ContactDto, WorkspaceOptions } from "@bailanys/common/api/contacts";
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconFileCheck } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useNow } from "../../realtime/useNow.ts";
import { Composer } from "./Composer.tsx";
import { citizenTyping, lastSeq, type ContactLog } from "./contactLogs.ts";
import { ConversationActions } from "./ConversationActions.tsx";
import { formatDuration, secondsSince } from "./durations.ts";
import { MessageList } from "./MessageList.tsx";
import type { Outbox } from "./useOutbox.ts";
import { useDocumentVisible } from "./useDocumentVisible.ts";
import { WrapupPanel } from "./WrapupPanel.tsx";

const STATE_COLOR: Partial<Record<ContactDto["state"], string>> = { wrapup: "violet", held: "orange" };

interface Props {
  contact: ContactDto;
  log: ContactLog | undefined;
  options: WorkspaceOptions;
  draft: string;
  onDraft: (text: string) => void;
  outbox: Outbox;
  onNote: (text: string) => Promise<boolean>;
  onTyping: () => void;
  onSeen: (contactId: string, seq: number) => void;
  onContact: (contact: ContactDto) => void;
  onOpenTransfer: () => void;
}

/** The conversation in front of the operator: header with actions, the log, and the composer or the wrap-up. */
export function ConversationView({ contact, log, options, draft, onDraft, outbox, onNote, onTyping, onSeen, onContact, onOpenTransfer }: Props) {
  const { t } = useTranslation();
  const now = useNow();
  const visible = useDocumentVisible();
  const [registered, setRegistered] = useState<AppealDto | null>(null);
  const citizenName = contact.visitor.name ?? contact.citizen?.name ?? t("workspace.conversation.citizen");
  const last = lastSeq(log?.entries ?? []);
  const loaded = log?.loaded ?? false;

  useEffect(() => {
    if (loaded && visible && last > 0) {
      onSeen(contact.id, last);
    }
  }, [contact.id, last, loaded, visible, onSeen]);

  return (
    <Paper
      withBorder
      component="section"
      aria-label={t("workspace.conversation.label", { name: citizenName })}
      style={{ display: "flex", flexDirection: "column", height: "100%", minHeight: 0, overflow: "hidden" }}
      data-testid="conversation"
      data-contact-id={contact.id}
      data-state={contact.state}
    >
      <Stack gap={6} p="xs" style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs" miw={0}>
            <Title order={2} size="h5" style={{ overflowWrap: "anywhere" }}>
              {citizenName}
            </Title>
            <Badge size="sm" variant="light" color={STATE_COLOR[contact.state] ?? "teal"} data-testid="conversation-state">
              {contact.state === "held" ? t("workspace.actions.heldFor", { time: formatDuration(secondsSince(contact.heldAt, now) ?? 0) }) : t(`workspace.contactState.${contact.state}`)}
            </Badge>
            <Text size="xs" c="dimmed">
              {[contact.topic?.name, contact.language.name, contact.channel.name].filter(Boolean).join(" · ")}
            </Text>
          </Group>
          <ConversationActions contact={contact} entries={log?.entries ?? []} options={options} onContact={onContact} onRegistered={setRegistered} onOpenTransfer={onOpenTransfer} />
        </Group>
        {registered && (
          <Group gap="xs" px="xs" py={4} bg="teal.0" style={{ borderRadius: "var(--mantine-radius-sm)" }} role="status" data-testid="registered-appeal-number" data-number={registered.number}>
            <IconFileCheck size={16} color="var(--mantine-color-teal-8)" aria-hidden />
            <Text size="sm" fw={600}>
              {t("workspace.conversation.registered", { number: registered.number })}
            </Text>
            <Anchor component={Link} to={`/appeals/${registered.id}`} target="_blank" size="sm">
              {t("workspace.conversation.openAppeal")}
            </Anchor>
          </Group>
        )}
      </Stack>
      <MessageList
        contactId={contact.id}
        log={log}
        citizenName={citizenName}
        citizenReadSeq={contact.citizenReadSeq}
        typing={citizenTyping(log, now)}
        pending={outbox.pending[contact.id]}
        onRetry={(id) => outbox.retry(contact.id, id)}
        onDiscard={(id) => outbox.discard(contact.id, id)}
        call={contact.channel.code === "phone"}
      />
      <div style={{ padding: "var(--mantine-spacing-xs)", borderTop: "1px solid var(--mantine-color-gray-3)" }}>
        {contact.state === "wrapup" ? (
          <WrapupPanel contact={contact} codes={options.wrapupCodes} />
        ) : (
          <Composer
            contactId={contact.id}
            draft={draft}
            onDraft={onDraft}
            language={contact.language.code}
            topicId={contact.topic?.id ?? null}
            cannedReplies={options.cannedReplies}
            onSend={(text, attachment) => outbox.send(contact.id, text, attachment)}
            onNote={onNote}
            onTyping={onTyping}
            notesOnly={contact.channel.code === "phone"}
          />
        )}
      </div>
    </Paper>
  );
}
