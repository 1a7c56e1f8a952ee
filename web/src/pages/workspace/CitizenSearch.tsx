import type { CitizenDto } from "@bailanys/common/api/appeals";
import { Button, Group, Radio, Stack, Text, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { errorText } from "../../lib/errorText.ts";
import { notifyError } from "../../lib/notifyError.ts";
import { citizenLookup } from "./citizenCard.ts";

interface Props {
  /** A record that cannot be picked (the one the conversation is tied to now). */
  excludeId: string | null;
  picked: CitizenDto | null;
  onPick: (citizen: CitizenDto | null) => void;
}

/** An exact search for a citizen record by ИИН or phone (audited on the server), then a pick among the results. */
export function CitizenSearch({ excludeId, picked, onPick }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [found, setFound] = useState<CitizenDto[] | null>(null);
  const [searching, setSearching] = useState(false);

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
      onPick(items.find((c) => c.id !== excludeId) ?? null);
    } catch (error) {
      setProblem(notifyError(error, ["query.iin", "query.phone"])["query.iin"] ?? null);
    } finally {
      setSearching(false);
    }
  };

  return (
    <Stack gap="sm">
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
        <Radio.Group label={t("workspace.link.results")} value={picked?.id ?? null} onChange={(id) => onPick(found.find((c) => c.id === id) ?? null)}>
          <Stack gap={6} mt={6}>
            {found.map((citizen) => (
              <Radio.Card key={citizen.id} value={citizen.id} disabled={citizen.id === excludeId} p="xs" radius="sm" data-testid="link-result" data-citizen-id={citizen.id}>
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
    </Stack>
  );
}
