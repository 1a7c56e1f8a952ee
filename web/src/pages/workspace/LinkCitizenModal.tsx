import type { CitizenDto } from "@bailanys/common/api/appeals";
import type { CitizenCardDto } from "@bailanys/common/api/contacts";
import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { IconInfoCircle, IconLink } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { notifyError, notifySuccess } from "../../lib/notifyError.ts";
import { CitizenSearch } from "./CitizenSearch.tsx";

interface Props {
  contactId: string;
  /** The record the conversation is tied to now; it is not offered again. */
  currentId: string | null;
  onLink: (work: () => Promise<CitizenCardDto>) => Promise<void>;
  onClose: () => void;
}

/** Ties the conversation to a record the automatic match missed: an exact search by ИИН or phone (audited), then a pick. */
export function LinkCitizenModal({ contactId, currentId, onLink, onClose }: Props) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<CitizenDto | null>(null);
  const [linking, setLinking] = useState(false);

  const link = async () => {
    if (picked === null) {
      return;
    }
    setLinking(true);
    try {
      await onLink(() => api<CitizenCardDto>(`/contacts/${contactId}/citizen`, { method: "POST", json: { citizenId: picked.id } }));
      notifySuccess(t("workspace.link.done"));
      onClose();
    } catch (error) {
      notifyError(error);
      setLinking(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t("workspace.link.title")} closeButtonProps={{ "aria-label": t("common.close") }}>
      <Stack gap="sm" data-testid="link-dialog">
        <CitizenSearch excludeId={currentId} picked={picked} onPick={setPicked} />
        <Alert color="orange" variant="light" p="xs" icon={<IconInfoCircle size={16} aria-hidden />}>
          <Text size="xs">{t("workspace.link.resets")}</Text>
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button leftSection={<IconLink size={14} aria-hidden />} disabled={picked === null} loading={linking} onClick={() => void link()} data-testid="link-submit">
            {t("workspace.link.submit")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
