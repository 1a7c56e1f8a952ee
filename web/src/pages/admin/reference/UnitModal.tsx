import type { UnitBody } from "@bailanys/common/api/org";
import type { ReferenceDto } from "@bailanys/common/api/reference";
import { Select, SimpleGrid, Switch } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BodySelect } from "../../../components/BodySelect.tsx";
import { FormModal } from "../../../components/FormModal.tsx";
import { NamesFields } from "../../../components/NamesFields.tsx";
import { useLocale } from "../../../i18n/useLocale.ts";
import { useLocalizedName, type Names } from "../../../i18n/useLocalizedName.ts";
import { errorText } from "../../../lib/errorText.ts";
import { missingNames } from "../../../lib/missingNames.ts";
import { useReference } from "../../../reference/useReference.ts";
import { useOrgSave } from "./useOrgSave.ts";

type Unit = ReferenceDto["units"][number];
const FIELDS = ["bodyId", "parentId", "nameKk", "nameRu", "nameEn", "active"] as const;
type Field = (typeof FIELDS)[number];

/** Add or change a unit (department) of a body; units nest within the same body. */
export function UnitModal({ unit, onClose }: { unit: Unit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = useLocalizedName();
  const { reference } = useReference();
  const { busy, save } = useOrgSave();
  const [bodyId, setBodyId] = useState<string | null>(unit?.bodyId ?? null);
  const [parentId, setParentId] = useState<string | null>(unit?.parentId ?? null);
  const [names, setNames] = useState<Names>({ nameKk: unit?.nameKk ?? "", nameRu: unit?.nameRu ?? "", nameEn: unit?.nameEn ?? "" });
  const [active, setActive] = useState(unit?.active ?? true);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const parents = (reference?.units ?? []).filter((u) => u.bodyId === bodyId && u.id !== unit?.id).map((u) => ({ value: u.id, label: name(u) }));

  const submit = async () => {
    const required = errorText("FIELD_REQUIRED", locale);
    const found: Partial<Record<Field, string>> = missingNames(names, required);
    if (bodyId === null) {
      found.bodyId = required;
    }
    setErrors(found);
    if (bodyId === null || Object.keys(found).length > 0) {
      return;
    }
    const payload: UnitBody = { bodyId, parentId, nameKk: names.nameKk.trim(), nameRu: names.nameRu.trim(), nameEn: names.nameEn.trim(), active };
    const problems = await save("/units", unit?.id ?? null, payload, FIELDS);
    if (problems === null) {
      onClose();
    } else {
      setErrors(problems);
    }
  };

  return (
    <FormModal opened onClose={onClose} title={unit ? t("org.editUnit") : t("org.newUnit")} size="lg" onSubmit={submit} busy={busy}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <BodySelect
          value={bodyId}
          onChange={(v) => {
            setBodyId(v);
            setParentId(null);
          }}
          error={errors.bodyId}
        />
        <Select label={t("org.parentUnit")} data={parents} value={parentId} onChange={setParentId} error={errors.parentId} disabled={bodyId === null} clearable />
      </SimpleGrid>
      <NamesFields value={names} onChange={setNames} errors={errors} />
      <Switch label={t("common.active")} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
    </FormModal>
  );
}
