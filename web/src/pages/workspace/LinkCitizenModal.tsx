import type { CitizenDto } from "@bailanys/common/api/appeals";
import type { CitizenCardDto } from "@bailanys/common/api/contacts";
import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput } from "@mantine/core";
import { IconInfoCircle, IconLink, IconSearch } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { errorText } from "../../lib/errorText.ts";
import { notifyError, notifySuccess } from "../../lib/notifyError.ts";
import { citizenLookup } from "./citizenCard.ts";

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
  const locale = useLocale();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [found, setFound] = useState<CitizenDto[] | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const [linking, setLinking] = useState(false);

  const search = async (event: FormEvent) => {
    event.preventDefault();
    const lookup = citizenLookup(text);
    if (!lookup.ok) {
      setProblem(errorText(lookup.code, locale));
      return;
    }
    setProblem(null);
    setSearching(true);
    try {
      const { items } = await api<{ items: CitizenDto[] }>("/citizens", { query: lookup.query });
      setFound(items);
      setPicked(items.find((c) => c.id !== currentId)?.id ?? null);
    } catch (error) {
      setProblem(notifyError(error, ["query.iin", "query.phone"])["query.iin"] ?? null);
    } finally {
      setSearching(false);
    }
  };

  const link = async () => {
    if (picked === null) {
      return;
    }
    setLinking(true);
    try {
      await onLink(() => api<CitizenCardDto>(`/contacts/${contactId}/citizen`, { method: "POST", json: { citizenId: picked } }));
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
        <form noValidate onSubmit={(event) => void search(event)}>
          <TextInput
            label={t("workspace.link.search")}
            placeholder={t("workspace.link.searchPlaceholder")}
            description={t("workspace.link.hint")}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={problem}
            autoComplete="off"
            data-autofocus
            data-testid="link-search"
            // The button sits beside the input itself, so the label above and an error below do not push it about.
            inputContainer={(input) => (
              <Group gap="xs" wrap="nowrap">
                <div style={{ flex: 1 }}>{input}</div>
                <Button type="submit" variant="light" leftSection={<IconSearch size={14} aria-hidden />} loading={searching} data-testid="link-find">
                  {t("workspace.link.find")}
                </Button>
              </Group>
            )}
          />
        </form>
        {found !== null && found.length === 0 && (
          <Text size="sm" c="dimmed" role="status">
            {t("workspace.link.none")}
          </Text>
        )}
        {found !== null && found.length > 0 && (
          <Radio.Group label={t("workspace.link.results")} value={picked} onChange={setPicked}>
            <Stack gap={6} mt={6}>
              {found.map((citizen) => (
                <Radio.Card key={citizen.id} value={citizen.id} disabled={citizen.id === currentId} p="xs" radius="sm" data-testid="link-result" data-citizen-id={citizen.id}>
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <Radio.Indicator mt={2} />
                    <div>
                      <Text size="sm" fw={600}>
                        {citizen.fullName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {[citizen.iin, citizen.phone, citizen.email].filter(Boolean).join(" · ")}
                      </Text>
                    </div>
                  </Group>
                </Radio.Card>
              ))}
            </Stack>
          </Radio.Group>
        )}
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
