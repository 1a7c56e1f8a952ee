import type { ArticleViewDto } from "@bailanys/common/api/kb";
import { Button, Menu } from "@mantine/core";
import { IconChevronDown, IconSend } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { notifyError, notifySuccess } from "../../lib/notifyError.ts";
import { kbSendChoices, type KbSendChoice } from "./kbSendOptions.ts";

interface Props {
  article: ArticleViewDto;
  contactId: string;
}

const LABEL_KEYS = {
  description: "workspace.knowledge.sendDescription",
  documents: "workspace.knowledge.sendDocuments",
  fee: "workspace.knowledge.sendFee",
  term: "workspace.knowledge.sendTerm",
  offices: "workspace.knowledge.sendOffices",
} as const;

/** One click sends a public article (its summary and the portal link) or one of its facts into the conversation. */
export function KnowledgeSendMenu({ article, contactId }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const choices = kbSendChoices(article);
  if (choices.length === 0) {
    return null;
  }

  const send = async (choice: KbSendChoice) => {
    setBusy(true);
    try {
      await api<{ seq: number }>(`/contacts/${contactId}/kb-send`, { method: "POST", json: { articleId: article.id, locale: article.locale, ...(choice === null ? {} : { fact: choice }) } });
      // The message itself reaches the conversation through the socket, like every other entry of the log.
      notifySuccess(t("workspace.knowledge.sent"));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button.Group>
      <Button size="xs" leftSection={<IconSend size={14} aria-hidden />} loading={busy} onClick={() => void send(null)} data-testid="kb-send">
        {t("workspace.knowledge.send")}
      </Button>
      {choices.length > 1 && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="xs" px={6} disabled={busy} aria-label={t("workspace.knowledge.sendWhat")} data-testid="kb-send-menu">
              <IconChevronDown size={14} aria-hidden />
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{t("workspace.knowledge.sendWhat")}</Menu.Label>
            {choices.map((choice) => (
              <Menu.Item key={choice ?? "whole"} onClick={() => void send(choice)} data-testid={`kb-send-${choice ?? "whole"}`}>
                {choice === null ? t("workspace.knowledge.sendWhole") : t(LABEL_KEYS[choice])}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
    </Button.Group>
  );
}
