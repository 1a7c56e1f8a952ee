import type { UnitBody } from "@bailanys/common/api/org";
import type { ReferenceDto } from "@bailanys/common/api/reference";
import { Button, Group, Modal, Select, SimpleGrid, Stack, Switch } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NamesFields } from "../../../components/NamesFields.tsx";
import { useLocale } from "../../../i18n/useLocale.ts";
import { useLocalizedName, type Names } from "../../../i18n/useLocalizedName.ts";
import { errorText } from "../../../lib/errorText.ts";
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
  const bodies = (reference?.bodies ?? []).filter((b) => !b.isExternal).map((b) => ({ value: b.id, label: name(b) }));
  const parents = (reference?.units ?? []).filter((u) => u.bodyId === bodyId && u.id !== unit?.id).map((u) => ({ value: u.id, label: name(u) }));

  const submit = async () => {
    const found: Partial<Record<Field, string>> = {};
    const required = errorText("FIELD_REQUIRED", locale);
    if (bodyId === null) {
      found.bodyId = required;
    }
    for (const key of ["nameKk", "nameRu", "nameEn"] as const) {
      if (names[key].trim() === "") {
        found[key] = required;
      }
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
    <Modal opened onClose={onClose} title={unit ? t("org.editUnit") : t("org.newUnit")} size="lg" closeButtonProps={{ "aria-label": t("common.close") }}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t("appeals.body")}
              data={bodies}
              value={bodyId}
              onChange={(v) => {
                setBodyId(v);
                setParentId(null);
              }}
              error={errors.bodyId}
              searchable
            />
            <Select label={t("org.parentUnit")} data={parents} value={parentId} onChange={setParentId} error={errors.parentId} disabled={bodyId === null} clearable />
          </SimpleGrid>
          <NamesFields value={names} onChange={setNames} errors={errors} />
          <Switch label={t("common.active")} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
