import type { ContactDto } from "@bailanys/common/api/contacts";
import { Alert, Badge, Center, Drawer, Group, Loader, Stack, Text } from "@mantine/core";
import { IconEye } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, ApiError, isAbort } from "../../api/client.ts";
import { useNow } from "../../realtime/useNow.ts";
import type { StaffSocket } from "../../realtime/staffSocket.ts";
import { citizenTyping } from "../workspace/contactLogs.ts";
import { MessageList } from "../workspace/MessageList.tsx";
import { useContactLogs } from "../workspace/useContactLogs.ts";

interface Props {
  contactId: string;
  socket: StaffSocket;
  onClose: () => void;
}

/** A conversation as the supervisor watches it: read-only, live over the socket, nothing reported as read. */
export function MonitorDrawer({ contactId, socket, onClose }: Props) {
  const { t } = useTranslation();
  const now = useNow();
  const [contact, setContact] = useState<ContactDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { logs } = useContactLogs(socket, [contactId]);
  const log = logs[contactId];

  useEffect(() => {
    const controller = new AbortController();
    api<ContactDto>(`/contacts/${contactId}`, { signal: controller.signal })
      .then(setContact)
      .catch((failure: unknown) => {
        if (!isAbort(failure)) {
          setError(failure instanceof ApiError ? failure.message : String(failure));
        }
      });
    const stop = socket.onFrame((frame) => {
      if (frame.type === "contact" && frame.contact.id === contactId) {
        setContact(frame.contact);
      }
    });
    return () => {
      controller.abort();
      stop();
    };
  }, [contactId, socket]);

  const citizenName = contact?.visitor.name ?? contact?.citizen?.name ?? t("workspace.conversation.citizen");

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="min(640px, 92vw)"
      title={
        <Group gap="xs">
          <IconEye size={18} aria-hidden />
          <Text fw={600}>{t("workspace.monitor.title")}</Text>
        </Group>
      }
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack gap="sm" h="calc(100dvh - 90px)" style={{ minHeight: 0 }} data-testid="monitor-drawer" data-contact-id={contactId}>
        {error && <Alert color="red">{error}</Alert>}
        {contact === null && error === null && (
          <Center>
            <Loader size="sm" aria-label={t("common.loading")} />
          </Center>
        )}
        {contact && (
          <Stack gap={4}>
            <Group gap="xs">
              <Text fw={700}>{citizenName}</Text>
              <Badge size="sm" variant="light" data-testid="monitor-state" data-state={contact.state}>
                {t(`workspace.contactState.${contact.state}`)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {[contact.agent ? `${t("workspace.monitor.agent")}: ${contact.agent.name}` : null, contact.queue?.name, contact.topic?.name, contact.language.name, contact.channel.name].filter(Boolean).join(" · ")}
            </Text>
            <Text size="xs" c="dimmed">
              {t("workspace.monitor.readOnly")}
            </Text>
          </Stack>
        )}
        <div style={{ flex: 1, minHeight: 0, display: "flex", flexDirection: "column", border: "1px solid var(--mantine-color-gray-3)", borderRadius: "var(--mantine-radius-sm)" }}>
          <MessageList log={log} contactId={contactId} citizenName={citizenName} citizenReadSeq={contact?.citizenReadSeq ?? 0} typing={citizenTyping(log, now)} />
        </div>
      </Stack>
    </Drawer>
  );
}
