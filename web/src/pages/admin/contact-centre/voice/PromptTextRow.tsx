import { LOCALES } from "@bailanys/common/locales";
import { Badge, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Textarea } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { FieldMessages } from "../shared/fieldErrors.ts";
import type { PromptText } from "./menuForm.ts";

interface Props {
  promptKey: string;
  text: PromptText;
  everyLanguage: boolean;
  /** Whether a node plays it: then its words can be emptied but not removed. */
  played: boolean;
  errors: FieldMessages;
  onText: (text: PromptText) => void;
  onEveryLanguage: (on: boolean) => void;
  onRemove: () => void;
}

/** One prompt key: its words in each language, and whether it is said in all of them in turn. */
export function PromptTextRow({ promptKey, text, everyLanguage, played, errors, onText, onEveryLanguage, onRemove }: Props) {
  const { t } = useTranslation();

  return (
    <Paper withBorder p="sm" data-testid="voice-prompt-text" data-key={promptKey}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Text size="sm" ff="monospace" fw={600}>
              {promptKey}
            </Text>
            {!played && (
              <Badge size="sm" variant="light" color="gray">
                {t("voiceAdmin.prompts.notPlayed")}
              </Badge>
            )}
          </Group>
          <Group gap="md">
            <Checkbox
              label={t("voiceAdmin.prompts.everyLanguage")}
              aria-label={t("voiceAdmin.prompts.everyLanguageOf", { key: promptKey })}
              checked={everyLanguage}
              onChange={(e) => onEveryLanguage(e.currentTarget.checked)}
            />
            {!played && (
              <Button size="compact-sm" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={onRemove} aria-label={t("voiceAdmin.prompts.remove", { key: promptKey })}>
                {t("voiceAdmin.menu.remove")}
              </Button>
            )}
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {LOCALES.map((l) => (
            <Textarea
              key={l}
              label={t(`locale.${l}`)}
              aria-label={t("voiceAdmin.prompts.textOf", { key: promptKey, language: t(`locale.${l}`) })}
              value={text[l]}
              onChange={(e) => onText({ ...text, [l]: e.currentTarget.value })}
              autosize
              minRows={2}
              maxRows={6}
              maxLength={2000}
              error={errors[`menu.prompts.${promptKey}.${l}`]}
            />
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
