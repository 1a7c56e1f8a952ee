import type { LogEntryDto, OfferDto } from "@bailanys/common/api/contacts";
import { Alert, Box, Center, Loader, Paper, ScrollArea, Stack, Text, useMatches, VisuallyHidden } from "@mantine/core";
import { IconAlertTriangle, IconMessages } from "@tabler/icons-react";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { notifyError } from "../../lib/notifyError.ts";
import { useStaffSocket } from "../../realtime/useStaffSocket.ts";
import { AgentStateBar } from "./AgentStateBar.tsx";
import { CitizenCard } from "./CitizenCard.tsx";
import { lastCitizenSeq } from "./contactLogs.ts";
import { ContactTabs } from "./ContactTabs.tsx";
import { ConversationView } from "./ConversationView.tsx";
import { KnowledgePanel } from "./KnowledgePanel.tsx";
import { OffersPanel } from "./OffersPanel.tsx";
import { useAgentWorkspace } from "./useAgentWorkspace.ts";
import { useContactLogs } from "./useContactLogs.ts";
import { useOfferAlert } from "./useOfferAlert.ts";
import { useOutbox } from "./useOutbox.ts";
import { useWorkspaceOptions } from "./useWorkspaceOptions.ts";

/** The page fills the window below the header, so the conversation scrolls inside and the composer stays in view. */
const FULL_HEIGHT = "calc(100dvh - var(--app-shell-header-height, 60px) - 2 * var(--mantine-spacing-md))";

/** The operator's one window: status, incoming offers, open conversations side by side and the citizen card. */
export function WorkspacePage() {
  const { t } = useTranslation();
  const { socket, status } = useStaffSocket();
  const workspace = useAgentWorkspace(socket);
  const { options, reload } = useWorkspaceOptions();
  const snapshot = workspace.snapshot;
  const contacts = snapshot?.contacts ?? [];
  const { logs, merge, seen } = useContactLogs(socket, contacts.map((c) => c.id), true);
  const { muted, toggleMuted } = useOfferAlert(snapshot?.offers ?? null);
  const outbox = useOutbox(useCallback((contactId: string, entry: LogEntryDto) => merge(contactId, [entry]), [merge]));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const wide = useMatches({ base: false, lg: true });

  const selected = contacts.find((c) => c.id === selectedId) ?? contacts[0] ?? null;

  const accept = async (offer: OfferDto) => {
    const contact = await workspace.accept(offer);
    if (contact) {
      setSelectedId(contact.id);
    }
  };

  const addNote = async (contactId: string, text: string): Promise<boolean> => {
    try {
      merge(contactId, [await api<LogEntryDto>(`/contacts/${contactId}/notes`, { method: "POST", json: { text } })]);
      return true;
    } catch (error) {
      notifyError(error);
      return false;
    }
  };

  if (workspace.loadError !== null && snapshot === null) {
    return (
      <Alert color="red" icon={<IconAlertTriangle aria-hidden />} title={t("workspace.loadFailed")}>
        {workspace.loadError}
      </Alert>
    );
  }
  if (snapshot === null) {
    return (
      <Center h={FULL_HEIGHT}>
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }

  const side = (
    <Stack gap="sm">
      {selected && <CitizenCard key={selected.id} contact={selected} />}
      <KnowledgePanel
        socket={socket}
        contact={selected && { id: selected.id, locale: selected.locale }}
        citizenSeq={selected ? lastCitizenSeq(logs[selected.id]?.entries ?? []) : 0}
      />
    </Stack>
  );

  return (
    <Stack gap="sm" h={wide ? FULL_HEIGHT : undefined} style={{ minHeight: 0 }}>
      <VisuallyHidden component="h1">{t("workspace.title")}</VisuallyHidden>
      <AgentStateBar
        snapshot={snapshot}
        reasons={options.notReadyReasons}
        switching={workspace.switching}
        onSwitch={(body) => void workspace.setState(body)}
        muted={muted}
        onToggleMuted={toggleMuted}
        status={status}
      />
      {(snapshot.profile === null || workspace.profileMissing) && (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title={t("workspace.profileMissing.title")} data-testid="profile-missing">
          {t("workspace.profileMissing.text")}
        </Alert>
      )}
      <OffersPanel offers={snapshot.offers} deadlines={workspace.deadlines} deciding={workspace.deciding} onAccept={(offer) => void accept(offer)} onDecline={(offer) => void workspace.decline(offer)} />
      <Box
        style={{
          display: "grid",
          gap: "var(--mantine-spacing-sm)",
          gridTemplateColumns: wide ? "200px minmax(0, 1fr) 280px" : "190px minmax(0, 1fr)",
          flex: wide ? 1 : undefined,
          minHeight: 0,
        }}
      >
        <ContactTabs contacts={contacts} logs={logs} selectedId={selected?.id ?? null} onSelect={setSelectedId} />
        <Box style={{ minHeight: 0, height: wide ? "100%" : "70vh" }}>
          {selected ? (
            <ConversationView
              key={selected.id}
              contact={selected}
              log={logs[selected.id]}
              options={options}
              draft={drafts[selected.id] ?? ""}
              onDraft={(text) => setDrafts((all) => ({ ...all, [selected.id]: text }))}
              outbox={outbox}
              onNote={(text) => addNote(selected.id, text)}
              onTyping={() => socket.typing(selected.id)}
              onSeen={seen}
              onContact={workspace.applyContact}
              onOpenTransfer={() => void reload()}
            />
          ) : (
            <Paper withBorder h="100%" p="xl">
              <Center h="100%">
                <Stack align="center" gap="xs" maw={360}>
                  <IconMessages size={40} color="var(--mantine-color-gray-5)" aria-hidden />
                  <Text c="dimmed" ta="center">
                    {snapshot.state === "ready" ? t("workspace.contacts.idle") : t("workspace.contacts.empty")}
                  </Text>
                </Stack>
              </Center>
            </Paper>
          )}
        </Box>
        {wide ? (
          <ScrollArea type="auto" style={{ minHeight: 0 }} offsetScrollbars>
            {side}
          </ScrollArea>
        ) : (
          <Box style={{ gridColumn: 2 }}>{side}</Box>
        )}
      </Box>
    </Stack>
  );
}
