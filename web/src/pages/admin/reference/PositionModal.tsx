import type { PositionBody } from "@bailanys/common/api/org";
import type { ReferenceDto } from "@bailanys/common/api/reference";
import { Select, Switch } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../../components/FormModal.tsx";
import { NamesFields } from "../../../components/NamesFields.tsx";
import { useLocale } from "../../../i18n/useLocale.ts";
import { useLocalizedName, type Names } from "../../../i18n/useLocalizedName.ts";
import { errorText } from "../../../lib/errorText.ts";
import { missingNames } from "../../../lib/missingNames.ts";
import { useReference } from "../../../reference/useReference.ts";
import { useOrgSave } from "./useOrgSave.ts";

type Position = ReferenceDto["positions"][number];
const FIELDS = ["unitId", "nameKk", "nameRu", "nameEn", "active"] as const;
type Field = (typeof FIELDS)[number];

/** Add or change a staff position within a unit. */
export function PositionModal({ position, onClose }: { position: Position | null; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = useLocalizedName();
  const { reference } = useReference();
  const { busy, save } = useOrgSave();
  const [unitId, setUnitId] = useState<string | null>(position?.unitId ?? null);
  const [names, setNames] = useState<Names>({ nameKk: position?.nameKk ?? "", nameRu: position?.nameRu ?? "", nameEn: position?.nameEn ?? "" });
  const [active, setActive] = useState(position?.active ?? true);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const bodyName = (id: string) => name(reference?.bodies.find((b) => b.id === id));
  const units = (reference?.units ?? []).map((u) => ({ value: u.id, label: `${name(u)} — ${bodyName(u.bodyId)}` }));

  const submit = async () => {
    const required = errorText("FIELD_REQUIRED", locale);
    const found: Partial<Record<Field, string>> = missingNames(names, required);
    if (unitId === null) {
      found.unitId = required;
    }
    setErrors(found);
    if (unitId === null || Object.keys(found).length > 0) {
      return;
    }
    const payload: PositionBody = { unitId, nameKk: names.nameKk.trim(), nameRu: names.nameRu.trim(), nameEn: names.nameEn.trim(), active };
    const problems = await save("/positions", position?.id ?? null, payload, FIELDS);
    if (problems === null) {
      onClose();
    } else {
      setErrors(problems);
    }
  };

  return (
    <FormModal opened onClose={onClose} title={position ? t("org.editPosition") : t("org.newPosition")} size="lg" onSubmit={submit} busy={busy}>
      <Select label={t("appeals.unit")} data={units} value={unitId} onChange={setUnitId} error={errors.unitId} searchable />
      <NamesFields value={names} onChange={setNames} errors={errors} />
      <Switch label={t("common.active")} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
    </FormModal>
  );
}
