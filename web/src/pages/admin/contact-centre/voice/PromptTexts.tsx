import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../../i18n/useLocale.ts";
import { errorText } from "../../../../lib/errorText.ts";
import type { FieldMessages } from "../shared/fieldErrors.ts";
import { isPlayed, PROMPT_KEY, promptKeysOf, type MenuForm, type PromptText } from "./menuForm.ts";
import { PromptTextRow } from "./PromptTextRow.tsx";

const EMPTY: PromptText = { kk: "", ru: "", en: "" };

interface Props {
  menu: MenuForm;
  errors: FieldMessages;
  onChange: (menu: MenuForm) => void;
}

/** The words generated speech says for each prompt key, in Kazakh, Russian and English; a recording overrides them. */
export function PromptTexts({ menu, errors, onChange }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [key, setKey] = useState("");
  const [keyError, setKeyError] = useState<string | undefined>(undefined);
  const keys = promptKeysOf(menu);

  const add = () => {
    const typed = key.trim();
    if (!PROMPT_KEY.test(typed)) {
      setKeyError(errorText(typed === "" ? "FIELD_REQUIRED" : "FIELD_INVALID", locale));
      return;
    }
    if (keys.includes(typed)) {
      setKeyError(errorText("ALREADY_EXISTS", locale));
      return;
    }
    onChange({ ...menu, texts: { ...menu.texts, [typed]: { ...EMPTY } } });
    setKey("");
    setKeyError(undefined);
  };

  const remove = (k: string) => {
    const { [k]: _removed, ...texts } = menu.texts;
    onChange({ ...menu, texts, everyLanguage: menu.everyLanguage.filter((x) => x !== k) });
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t("voiceAdmin.prompts.hint")}
      </Text>
      {keys.length === 0 && <Text size="sm">{t("voiceAdmin.prompts.none")}</Text>}
      {keys.map((k) => (
        <PromptTextRow
          key={k}
          promptKey={k}
          text={menu.texts[k] ?? EMPTY}
          everyLanguage={menu.everyLanguage.includes(k)}
          played={isPlayed(menu, k)}
          errors={errors}
          onText={(text) => onChange({ ...menu, texts: { ...menu.texts, [k]: text } })}
          onEveryLanguage={(on) => onChange({ ...menu, everyLanguage: on ? [...menu.everyLanguage, k] : menu.everyLanguage.filter((x) => x !== k) })}
          onRemove={() => remove(k)}
        />
      ))}
      {[errors["menu.prompts"], errors["menu.spokenInEveryLanguage"]].map(
        (message, i) =>
          message && (
            <Text key={i} size="sm" c="red">
              {message}
            </Text>
          ),
      )}
      <Group align="flex-end">
        <TextInput
          label={t("voiceAdmin.prompts.newKey")}
          description={t("voiceAdmin.prompts.newKeyHint")}
          value={key}
          onChange={(e) => setKey(e.currentTarget.value)}
          onKeyDown={(e) => {
            // Enter adds the key: the settings have no form for it to submit.
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            }
          }}
          maxLength={60}
          style={{ flex: 1 }}
          maw={480}
        />
        <Button variant="default" leftSection={<IconPlus size={14} aria-hidden />} onClick={add}>
          {t("voiceAdmin.prompts.addKey")}
        </Button>
      </Group>
      {keyError && (
        <Text size="sm" c="red">
          {keyError}
        </Text>
      )}
    </Stack>
  );
}
