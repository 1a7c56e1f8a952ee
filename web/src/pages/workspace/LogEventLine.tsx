import type { LogEntryDto } from "@bailanys/common/api/contacts";
import { CONTACT_EVENTS, type ContactEvent } from "@bailanys/common/contacts";
import { Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/formatDateTime.ts";
import { clockTime } from "./durations.ts";

const isContactEvent = (value: string | null): value is ContactEvent => value !== null && (CONTACT_EVENTS as readonly string[]).includes(value);
const text = (value: unknown): string => (typeof value === "string" || typeof value === "number" ? String(value) : "");

/** A system event of the conversation as one quiet centred line with its time. */
export function LogEventLine({ entry, call = false }: { entry: LogEntryDto; call?: boolean }) {
  const { t } = useTranslation();
  const event = entry.event;
  let label: string;
  if (!isContactEvent(event)) {
    label = t("workspace.events.other", { event: event ?? "" });
  } else if (event === "ended" && entry.author === "citizen") {
    label = t(call ? "workspace.events.callEndedByCitizen" : "workspace.events.endedByCitizen");
  } else if (event === "ended" && entry.author === "agent") {
    label = t(call ? "workspace.events.callEndedByAgent" : "workspace.events.endedByAgent");
  } else if (call && (event === "answered" || event === "ended")) {
    label = t(event === "answered" ? "workspace.events.callAnswered" : "workspace.events.callEnded", { name: text(entry.data.agentName) || entry.authorName || "" });
  } else {
    label = t(`workspace.events.${event}`, {
      name: text(entry.data.agentName) || entry.authorName || "",
      number: text(entry.data.number),
      rating: text(entry.data.rating),
      digits: text(entry.data.digits),
      reason: text(entry.data.reason),
      failure: text(entry.data.failure),
    });
  }
  return (
    <Group justify="center" gap={6} py={2} data-testid="log-event" data-event={event ?? ""}>
      <Text size="xs" c="dimmed" ta="center">
        {label}
        {entry.event === "wrapped_up" && typeof entry.data.wrapupCode === "string" ? ` · ${entry.data.wrapupCode}` : ""} ·{" "}
        <time dateTime={entry.at} title={formatDateTime(entry.at)}>
          {clockTime(entry.at)}
        </time>
      </Text>
    </Group>
  );
}
