import type { ClassifierItemBody, ClassifierItemDto, ReferenceDto } from "@bailanys/common/api/reference";
import { NumberInput, Select, SimpleGrid, Switch, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { BodySelect } from "../../../components/BodySelect.tsx";
import { FormModal } from "../../../components/FormModal.tsx";
import { NamesFields } from "../../../components/NamesFields.tsx";
import { useSave } from "../../../hooks/useSave.ts";
import { useLocale } from "../../../i18n/useLocale.ts";
import { useLocalizedName, type Names } from "../../../i18n/useLocalizedName.ts";
import { errorText } from "../../../lib/errorText.ts";
import { missingNames } from "../../../lib/missingNames.ts";
import { useReference } from "../../../reference/useReference.ts";
import { classifierOptions } from "../../../lib/classifierOptions.ts";

const CODE = /^[A-Za-z0-9_.-]{1,40}$/;
const FIELDS = ["code", "parentId", "nameKk", "nameRu", "nameEn", "bodyId", "unitId", "defaultTypeCode", "sort", "active"] as const;
type Field = (typeof FIELDS)[number];

interface Props {
  item: ClassifierItemDto | null;
  parentId: string | null;
  onClose: () => void;
}

/** Add or change a classifier item: where it sits in the tree, who handles it, which appeal type it suggests. */
export function ClassifierItemModal({ item, parentId: initialParent, onClose }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = useLocalizedName();
  const { reference, replace } = useReference();
  const [code, setCode] = useState(item?.code ?? "");
  const [parentId, setParentId] = useState<string | null>(initialParent);
  const [names, setNames] = useState<Names>({ nameKk: item?.nameKk ?? "", nameRu: item?.nameRu ?? "", nameEn: item?.nameEn ?? "" });
  const [bodyId, setBodyId] = useState<string | null>(item?.bodyId ?? null);
  const [unitId, setUnitId] = useState<string | null>(item?.unitId ?? null);
  const [defaultTypeCode, setDefaultTypeCode] = useState<string | null>(item?.defaultTypeCode ?? null);
  const [sort, setSort] = useState(item?.sort ?? 0);
  const [active, setActive] = useState(item?.active ?? true);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const { busy, save } = useSave();

  // An item cannot move under itself or its own descendants.
  const excluded = new Set<string>();
  if (item) {
    excluded.add(item.id);
    let grew = true;
    while (grew) {
      grew = false;
      for (const c of reference?.classifier ?? []) {
        if (c.parentId !== null && excluded.has(c.parentId) && !excluded.has(c.id)) {
          excluded.add(c.id);
          grew = true;
        }
      }
    }
  }
  const parents = classifierOptions(reference?.classifier ?? [], name, false)
    .filter((o) => !excluded.has(o.value))
    .map(({ value, label }) => ({ value, label }));
  const units = (reference?.units ?? []).filter((u) => u.bodyId === bodyId).map((u) => ({ value: u.id, label: name(u) }));
  const types = (reference?.types ?? []).map((x) => ({ value: x.code, label: name(x) }));

  const submit = async () => {
    const required = errorText("FIELD_REQUIRED", locale);
    const found: Partial<Record<Field, string>> = missingNames(names, required);
    if (!CODE.test(code)) {
      found.code = code === "" ? required : errorText("FIELD_INVALID", locale);
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    const body: ClassifierItemBody = {
      code,
      parentId,
      nameKk: names.nameKk.trim(),
      nameRu: names.nameRu.trim(),
      nameEn: names.nameEn.trim(),
      bodyId,
      unitId,
      defaultTypeCode,
      sort,
      active,
    };
    const path = item ? `/reference/classifier/${item.id}` : "/reference/classifier";
    const problems = await save(async () => replace(await api<ReferenceDto>(path, { method: item ? "PUT" : "POST", json: body })), FIELDS);
    if (problems === null) {
      onClose();
    } else {
      setErrors(problems);
    }
  };

  return (
    <FormModal opened onClose={onClose} title={item ? t("reference.editEntry", { code: item.code }) : t("reference.newEntry")} size="lg" onSubmit={submit} busy={busy}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t("reference.code")} value={code} onChange={(e) => setCode(e.currentTarget.value.trim())} error={errors.code} maxLength={40} />
        <Select label={t("reference.parent")} data={parents} value={parentId} onChange={setParentId} error={errors.parentId} clearable searchable />
      </SimpleGrid>
      <NamesFields value={names} onChange={setNames} errors={errors} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <BodySelect
          value={bodyId}
          onChange={(v) => {
            setBodyId(v);
            setUnitId(null);
          }}
          error={errors.bodyId}
          clearable
        />
        <Select label={t("appeals.unit")} data={units} value={unitId} onChange={setUnitId} error={errors.unitId} disabled={bodyId === null} clearable />
        <Select label={t("reference.defaultType")} data={types} value={defaultTypeCode} onChange={setDefaultTypeCode} error={errors.defaultTypeCode} clearable searchable />
        <NumberInput label={t("reference.sort")} value={sort} onChange={(v) => setSort(typeof v === "number" ? v : 0)} min={0} max={100000} allowDecimal={false} />
        <Switch label={t("common.active")} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
      </SimpleGrid>
    </FormModal>
  );
}
