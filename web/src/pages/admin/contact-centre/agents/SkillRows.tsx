import { NumberInput, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EditableRows } from "../shared/EditableRows.tsx";
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

  return (
    <EditableRows
      rows={rows}
      onChange={onChange}
      hint={t("routingAdmin.agents.skillsHint")}
      none={t("routingAdmin.agents.noSkills")}
      rowTestId="skill-row"
      removeLabel={(n) => t("routingAdmin.agents.removeSkill", { n })}
      error={errors.skills}
      addLabel={t("routingAdmin.agents.addSkill")}
      next={rows.length >= MAX_SKILLS ? null : { topicId: null, level: 1 }}
    >
      {(row, { index: i, update, labels }) => (
        <>
          <Select
            {...labels(t("routingAdmin.agents.topic"))}
            data={topics}
            value={row.topicId}
            onChange={(v) => update({ topicId: v })}
            renderOption={renderTopic}
            searchable
            nothingFoundMessage={t("common.nothingFound")}
            error={errors[`skills.${i}.topicId`]}
            style={{ flex: 1 }}
          />
          <NumberInput
            {...labels(t("routingAdmin.agents.level"))}
            value={shown(row.level)}
            onChange={(v) => update({ level: numberFrom(v) })}
            min={1}
            max={5}
            allowDecimal={false}
            error={errors[`skills.${i}.level`]}
            w={90}
          />
        </>
      )}
    </EditableRows>
  );
}
