import type { LogEntryDto } from "@bailanys/common/api/contacts";
import { Box, Group, Paper, Text } from "@mantine/core";
import { IconCheck, IconChecks, IconLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/formatDateTime.ts";
import { clockTime } from "./durations.ts";
import { MessageAttachment } from "./MessageAttachment.tsx";

interface Props {
  entry: LogEntryDto;
  /** The conversation, for the download link of a file (the log entry does not carry it). */
  contactId?: string;
  /** The name to show for the citizen (their entries carry none). */
  citizenName: string;
  receipt?: "read" | "delivered" | "sent";
}

const TONE = {
  citizen: { align: "flex-start", bg: "var(--mantine-color-gray-1)", border: "var(--mantine-color-gray-3)" },
  agent: { align: "flex-end", bg: "var(--mantine-color-bailanys-0)", border: "var(--mantine-color-bailanys-2)" },
  note: { align: "stretch", bg: "var(--mantine-color-yellow-0)", border: "var(--mantine-color-yellow-5)" },
} as const;

function ReceiptMark({ receipt }: { receipt: "read" | "delivered" | "sent" }) {
  const { t } = useTranslation();
  const label = t(`workspace.conversation.${receipt}`);
  return (
    <span title={label} aria-label={label} role="img" data-testid="message-receipt" data-receipt={receipt} style={{ display: "inline-flex" }}>
      {receipt === "sent" ? <IconCheck size={14} aria-hidden /> : <IconChecks size={14} color={receipt === "read" ? "var(--mantine-color-blue-6)" : undefined} aria-hidden />}
    </span>
  );
}

/** A message of the citizen or an operator, or a staff-only note (yellow, with a lock), with time and ticks. */
export function MessageBubble({ entry, contactId, citizenName, receipt }: Props) {
  const { t } = useTranslation();
  const tone = entry.kind === "note" ? TONE.note : entry.author === "citizen" ? TONE.citizen : TONE.agent;
  // A file sent without words carries its name as the text; the file line below already says it.
  const fileNameOnly = entry.attachment !== null && entry.body === entry.attachment.fileName;
  const author = entry.author === "citizen" ? citizenName : (entry.authorName ?? t("workspace.conversation.system"));
  return (
    <Box style={{ display: "flex", justifyContent: tone.align }} data-testid="agent-message" data-author={entry.author} data-kind={entry.kind} data-seq={entry.seq}>
      <Paper px="sm" py={6} maw={entry.kind === "note" ? "100%" : "80%"} style={{ background: tone.bg, border: `1px solid ${tone.border}`, flexGrow: entry.kind === "note" ? 1 : 0 }}>
        <Group gap={6} justify="space-between" wrap="nowrap">
          <Group gap={4} wrap="nowrap">
            {entry.kind === "note" && <IconLock size={12} aria-hidden />}
            <Text size="xs" fw={600} c={entry.kind === "note" ? "yellow.9" : "dimmed"}>
              {entry.kind === "note" ? `${t("workspace.conversation.note")} · ${author}` : author}
            </Text>
          </Group>
          <Group gap={4} wrap="nowrap">
            <Text size="xs" c="dimmed" component="time" dateTime={entry.at} title={formatDateTime(entry.at)}>
              {clockTime(entry.at)}
            </Text>
            {receipt && <ReceiptMark receipt={receipt} />}
          </Group>
        </Group>
        {entry.body && !fileNameOnly && (
          <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {entry.body}
          </Text>
        )}
        {entry.attachment && <MessageAttachment contactId={contactId} attachment={entry.attachment} />}
      </Paper>
    </Box>
  );
}
