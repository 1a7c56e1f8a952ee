import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { FieldMessages } from "../shared/fieldErrors.ts";
import { numberFrom, shown } from "../shared/numbers.ts";
import { useRoutingOptions } from "../shared/useRoutingOptions.tsx";
import type { SkillRow } from "./agentForm.ts";

const MAX_SKILLS = 200;

interface Props {
  rows: SkillRow[];
  errors: FieldMessages;
  onChange: (rows: SkillRow[]) => void;
}

/** One row per classifier topic the operator is skilled in, with the level (1 basic … 5 expert). */
export function SkillRows({ rows, errors, onChange }: Props) {
  const { t } = useTranslation();
  const { topics, renderTopic } = useRoutingOptions();
  const update = (index: number, patch: Partial<SkillRow>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t("routingAdmin.agents.skillsHint")}
      </Text>
      {rows.length === 0 && <Text size="sm">{t("routingAdmin.agents.noSkills")}</Text>}
      {rows.map((row, i) => (
        <Group key={i} align="flex-start" wrap="nowrap" data-testid="skill-row">
          <Select
            label={i === 0 ? t("routingAdmin.agents.topic") : undefined}
            aria-label={`${t("routingAdmin.agents.topic")} (${i + 1})`}
            data={topics}
            value={row.topicId}
            onChange={(v) => update(i, { topicId: v })}
            renderOption={renderTopic}
            searchable
            nothingFoundMessage={t("common.nothingFound")}
            error={errors[`skills.${i}.topicId`]}
            style={{ flex: 1 }}
          />
          <NumberInput
            label={i === 0 ? t("routingAdmin.agents.level") : undefined}
            aria-label={`${t("routingAdmin.agents.level")} (${i + 1})`}
            value={shown(row.level)}
            onChange={(v) => update(i, { level: numberFrom(v) })}
            min={1}
            max={5}
            allowDecimal={false}
            error={errors[`skills.${i}.level`]}
            w={90}
          />
          <ActionIcon variant="subtle" color="red" mt={i === 0 ? 28 : 4} aria-label={t("routingAdmin.agents.removeSkill", { n: i + 1 })} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      {errors.skills && (
        <Text size="sm" c="red">
          {errors.skills}
        </Text>
      )}
      <Group>
        <Button variant="default" size="xs" leftSection={<IconPlus size={14} aria-hidden />} disabled={rows.length >= MAX_SKILLS} onClick={() => onChange([...rows, { topicId: null, level: 1 }])}>
          {t("routingAdmin.agents.addSkill")}
        </Button>
      </Group>
    </Stack>
  );
}
