import type { AppealDto } from "@bailanys/common/api/appeals";
import type { ContactDto, LogEntryDto, WorkspaceOptions } from "@bailanys/common/api/contacts";
import { Button, Group, Modal, Text } from "@mantine/core";
import { IconArrowsExchange, IconFilePlus, IconPhone, IconPlayerPause, IconPlayerPlay, IconPlayerStop } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useSave } from "../../hooks/useSave.ts";
import { useReference } from "../../reference/useReference.ts";
import { useSession } from "../../session/useSession.ts";
import { DialModal } from "./DialModal.tsx";
import { contactPhone } from "./dialForm.ts";
import { RegisterAppealDrawer } from "./RegisterAppealDrawer.tsx";
import { TransferModal } from "./TransferModal.tsx";

// Four actions must fit one row of a conversation column at 1280 px (a phone contact's fifth may wrap): a little
// less side padding than usual.
const ACTION = { size: "xs", styles: { root: { paddingInline: 10 } } } as const;

interface Props {
  contact: ContactDto;
  entries: readonly LogEntryDto[];
  options: WorkspaceOptions;
  /** A fresh copy of the contact after a change made here (the socket brings it too, but maybe later). */
  onContact: (contact: ContactDto) => void;
  onRegistered: (appeal: AppealDto) => void;
  onOpenTransfer: () => void;
}

/**
 * Register an appeal, hold or resume, call the citizen (phone contacts), transfer, end the chat: the operator's
 * actions on the conversation in front of them.
 */
export function ConversationActions({ contact, entries, options, onContact, onRegistered, onOpenTransfer }: Props) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { reference } = useReference();
  const { busy, save } = useSave();
  const [open, setOpen] = useState<"appeal" | "dial" | "transfer" | "end" | null>(null);
  const talking = contact.state === "active" || contact.state === "held";
  const call = contact.channel.code === "phone";

  const refresh = () => {
    api<ContactDto>(`/contacts/${contact.id}`)
      .then(onContact)
      .catch(() => {
        // The socket's contact frame brings the same change; nothing to tell the operator.
      });
  };

  const held = contact.state === "held";
  const toggleHold = async () => {
    const failed = await save(() => api(`/contacts/${contact.id}/${held ? "resume" : "hold"}`, { method: "POST" }), [], t(held ? "workspace.events.resumed" : "workspace.events.held"));
    if (failed === null) {
      refresh();
    }
  };

  const end = async () => {
    const failed = await save(() => api(`/contacts/${contact.id}/end`, { method: "POST" }), [], t(call ? "workspace.actions.callEnded" : "workspace.actions.ended"));
    if (failed === null) {
      setOpen(null);
      refresh();
    }
  };

  return (
    <Group gap={6} role="toolbar" aria-label={t("workspace.actions.label")}>
      {can("appeal.create") && (
        <Button {...ACTION} variant="light" leftSection={<IconFilePlus size={14} aria-hidden />} onClick={() => setOpen("appeal")} disabled={reference === null} data-testid="action-register-appeal">
          {t("workspace.actions.registerAppeal")}
        </Button>
      )}
      <Button
        {...ACTION}
        variant={held ? "filled" : "default"}
        color={held ? "orange" : undefined}
        leftSection={held ? <IconPlayerPlay size={14} aria-hidden /> : <IconPlayerPause size={14} aria-hidden />}
        onClick={() => void toggleHold()}
        disabled={!talking || busy}
        title={held ? undefined : t(call ? "workspace.actions.callHoldLabel" : "workspace.actions.holdLabel")}
        data-testid="action-hold"
        data-held={held}
      >
        {held ? t("workspace.actions.resume") : t("workspace.actions.hold")}
      </Button>
      {call && (
        <Button {...ACTION} variant="default" leftSection={<IconPhone size={14} aria-hidden />} onClick={() => setOpen("dial")} disabled={!talking} data-testid="action-call">
          {t("workspace.actions.call")}
        </Button>
      )}
      <Button
        {...ACTION}
        variant="default"
        leftSection={<IconArrowsExchange size={14} aria-hidden />}
        onClick={() => {
          onOpenTransfer();
          setOpen("transfer");
        }}
        disabled={!talking}
        data-testid="action-transfer"
      >
        {t("workspace.actions.transfer")}
      </Button>
      <Button {...ACTION} variant="light" color="red" leftSection={<IconPlayerStop size={14} aria-hidden />} onClick={() => setOpen("end")} disabled={!talking} data-testid="action-end">
        {t("workspace.actions.end")}
      </Button>

      {open === "appeal" && reference && (
        <RegisterAppealDrawer
          contact={contact}
          entries={entries}
          reference={reference}
          onClose={() => setOpen(null)}
          onRegistered={(appeal) => {
            setOpen(null);
            onRegistered(appeal);
            refresh();
          }}
        />
      )}
      {open === "dial" && <DialModal path={`/contacts/${contact.id}/dial`} suggested={contactPhone(contact)} onClose={() => setOpen(null)} />}
      {open === "transfer" && <TransferModal contact={contact} options={options} onClose={() => setOpen(null)} />}
      <Modal opened={open === "end"} onClose={() => setOpen(null)} title={t(call ? "workspace.actions.callEndTitle" : "workspace.actions.endTitle")} closeButtonProps={{ "aria-label": t("common.close") }} data-testid="modal-end">
        <Text size="sm">{t(call ? "workspace.actions.callEndText" : "workspace.actions.endText")}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setOpen(null)}>
            {t("common.cancel")}
          </Button>
          <Button color="red" loading={busy} onClick={() => void end()} data-testid="submit-end" data-autofocus>
            {t(call ? "workspace.actions.callEndSubmit" : "workspace.actions.endSubmit")}
          </Button>
        </Group>
      </Modal>
    </Group>
  );
}
