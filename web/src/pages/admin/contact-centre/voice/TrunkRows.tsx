import { Switch, TagsInput, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EditableRows } from "../shared/EditableRows.tsx";
import type { FieldMessages } from "../shared/fieldErrors.ts";
import { MAX_TRUNKS, type TrunkRow } from "./voiceForm.ts";

interface Props {
  rows: TrunkRow[];
  errors: FieldMessages;
  onChange: (rows: TrunkRow[]) => void;
}

/** The trunks calls may come from: a name, the addresses or networks they arrive from, and whether it is in use. */
export function TrunkRows({ rows, errors, onChange }: Props) {
  const { t } = useTranslation();

  return (
    <EditableRows
      rows={rows}
      onChange={onChange}
      hint={t("voiceAdmin.trunks.hint")}
      none={t("voiceAdmin.trunks.none")}
      rowTestId="trunk-row"
      removeLabel={(n) => t("voiceAdmin.trunks.remove", { n })}
      error={errors.trunks}
      addLabel={t("voiceAdmin.trunks.add")}
      next={rows.length >= MAX_TRUNKS ? null : { name: "", allowedSources: [], active: true }}
    >
      {(row, { index: i, update, labels }) => (
        <>
          <TextInput {...labels(t("voiceAdmin.trunks.name"))} value={row.name} onChange={(e) => update({ name: e.currentTarget.value })} maxLength={100} error={errors[`trunks.${i}.name`]} w={240} />
          <TagsInput
            {...labels(t("voiceAdmin.trunks.sources"))}
            placeholder={t("voiceAdmin.trunks.sourcesPlaceholder")}
            value={row.allowedSources}
            onChange={(allowedSources) => update({ allowedSources: allowedSources.map((s) => s.trim()) })}
            splitChars={[",", " "]}
            maxTags={50}
            error={errors[`trunks.${i}.allowedSources`]}
            style={{ flex: 1 }}
          />
          <Switch label={t("common.active")} aria-label={`${t("common.active")} (${i + 1})`} checked={row.active} onChange={(e) => update({ active: e.currentTarget.checked })} mt={i === 0 ? 32 : 8} />
        </>
      )}
    </EditableRows>
  );
}
