import { Select, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EditableRows } from "../shared/EditableRows.tsx";
import type { FieldMessages } from "../shared/fieldErrors.ts";
import type { ChoiceRow } from "./menuForm.ts";

// The keys of a phone: ten digits, * and #.
const MAX_CHOICES = 12;

interface Props {
  rows: ChoiceRow[];
  /** Where a key may lead: node ids, or languages for the language node. */
  targets: { value: string; label: string }[];
  /** The target column's heading ("Node" or "Language"). */
  targetLabel: string;
  errors: FieldMessages;
  onChange: (rows: ChoiceRow[]) => void;
}

/** The keys a caller may press at a node, each with where it leads. */
export function ChoiceRows({ rows, targets, targetLabel, errors, onChange }: Props) {
  const { t } = useTranslation();
  const unused = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "*", "#"].find((d) => !rows.some((r) => r.digit === d));

  return (
    <EditableRows
      rows={rows}
      onChange={onChange}
      hint={t("voiceAdmin.node.choicesHint")}
      none={t("voiceAdmin.node.noChoices")}
      rowTestId="voice-choice-row"
      removeLabel={(n) => t("voiceAdmin.node.removeChoice", { n })}
      error={errors.choices}
      addLabel={t("voiceAdmin.node.addChoice")}
      next={rows.length >= MAX_CHOICES ? null : { digit: unused ?? "", target: "" }}
    >
      {(row, { index: i, update, labels }) => (
        <>
          <TextInput {...labels(t("voiceAdmin.node.digit"))} value={row.digit} onChange={(e) => update({ digit: e.currentTarget.value.trim() })} maxLength={1} error={errors[`choices.${i}.digit`]} w={90} />
          <Select
            {...labels(targetLabel)}
            data={targets}
            value={row.target === "" ? null : row.target}
            onChange={(v) => update({ target: v ?? "" })}
            searchable
            nothingFoundMessage={t("common.nothingFound")}
            error={errors[`choices.${i}.target`]}
            style={{ flex: 1 }}
          />
        </>
      )}
    </EditableRows>
  );
}
