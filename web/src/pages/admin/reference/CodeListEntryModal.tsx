import type { ReferenceDto, ReferenceListName } from "@bailanys/common/api/reference";
import { Checkbox, NumberInput, Select, SimpleGrid, Switch, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { FormModal } from "../../../components/FormModal.tsx";
import { NamesFields } from "../../../components/NamesFields.tsx";
import { useSave } from "../../../hooks/useSave.ts";
import type { Names } from "../../../i18n/useLocalizedName.ts";
import { useLocale } from "../../../i18n/useLocale.ts";
import { errorText } from "../../../lib/errorText.ts";
import { missingNames } from "../../../lib/missingNames.ts";
import { useReference } from "../../../reference/useReference.ts";

export type CodeRow = { code: string; nameKk: string; nameRu: string; nameEn: string; sort: number; active: boolean };

/** A list-specific field of an entry (a type's term, a status's phase…). */
export type ExtraField =
  | { key: string; label: string; kind: "text" }
  | { key: string; label: string; kind: "number"; min: number; max: number }
  | { key: string; label: string; kind: "boolean" }
  | { key: string; label: string; kind: "select"; options: { value: string; label: string }[]; nullable?: boolean };

type Value = string | number | boolean | null;
const CODE = /^[a-z0-9_.-]{1,60}$/;

function initialValue(field: ExtraField, row: Record<string, unknown> | null): Value {
  const current = row?.[field.key];
  switch (field.kind) {
    case "text":
      return typeof current === "string" ? current : "";
    case "number":
      return typeof current === "number" ? current : field.min;
    case "boolean":
      return typeof current === "boolean" ? current : false;
    case "select":
      return typeof current === "string" ? current : field.nullable ? null : (field.options[0]?.value ?? null);
  }
}

interface Props {
  list: ReferenceListName;
  row: CodeRow | null;
  fields: ExtraField[];
  onClose: () => void;
}

/** Create or change one entry of a code list (PUT /reference/<list>/<code>). */
export function CodeListEntryModal({ list, row, fields, onClose }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { replace } = useReference();
  const source: Record<string, unknown> | null = row;
  const [code, setCode] = useState(row?.code ?? "");
  const [names, setNames] = useState<Names>({ nameKk: row?.nameKk ?? "", nameRu: row?.nameRu ?? "", nameEn: row?.nameEn ?? "" });
  const [extra, setExtra] = useState<Record<string, Value>>(() => Object.fromEntries(fields.map((f) => [f.key, initialValue(f, source)])));
  const [sort, setSort] = useState<number>(row?.sort ?? 0);
  const [active, setActive] = useState(row?.active ?? true);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const { busy, save } = useSave();

  const submit = async () => {
    const required = errorText("FIELD_REQUIRED", locale);
    const found: Partial<Record<string, string>> = missingNames(names, required);
    if (!CODE.test(code)) {
      found.code = code === "" ? required : errorText("FIELD_INVALID", locale);
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    const body = { nameKk: names.nameKk.trim(), nameRu: names.nameRu.trim(), nameEn: names.nameEn.trim(), ...extra, sort, active };
    const placed = await save(async () => replace(await api<ReferenceDto>(`/reference/${list}/${encodeURIComponent(code)}`, { method: "PUT", json: body })), ["params.code", "nameKk", "nameRu", "nameEn", ...fields.map((f) => f.key)]);
    if (placed === null) {
      onClose();
    } else {
      // The server names the code by its place in the path; the form shows it under the code input.
      setErrors({ ...placed, code: placed["params.code"] });
    }
  };

  const setField = (key: string, value: Value) => setExtra((current) => ({ ...current, [key]: value }));

  return (
    <FormModal opened onClose={onClose} title={row ? t("reference.editEntry", { code: row.code }) : t("reference.newEntry")} size="lg" onSubmit={submit} busy={busy}>
      <TextInput
        label={t("reference.code")}
        description={row ? undefined : t("reference.codeHint")}
        value={code}
        onChange={(e) => setCode(e.currentTarget.value.trim())}
        error={errors.code}
        disabled={row !== null}
        maxLength={60}
      />
      <NamesFields value={names} onChange={setNames} errors={errors} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {fields.map((field) => {
          const value = extra[field.key] ?? null;
          switch (field.kind) {
            case "text":
              return <TextInput key={field.key} label={field.label} value={typeof value === "string" ? value : ""} onChange={(e) => setField(field.key, e.currentTarget.value)} error={errors[field.key]} />;
            case "number":
              return (
                <NumberInput
                  key={field.key}
                  label={field.label}
                  value={typeof value === "number" ? value : field.min}
                  onChange={(v) => setField(field.key, typeof v === "number" ? v : field.min)}
                  min={field.min}
                  max={field.max}
                  allowDecimal={false}
                  error={errors[field.key]}
                />
              );
            case "boolean":
              return <Checkbox key={field.key} mt="lg" label={field.label} checked={value === true} onChange={(e) => setField(field.key, e.currentTarget.checked)} />;
            case "select":
              return (
                <Select
                  key={field.key}
                  label={field.label}
                  data={field.options}
                  value={typeof value === "string" ? value : null}
                  onChange={(v) => setField(field.key, v)}
                  clearable={field.nullable === true}
                  allowDeselect={field.nullable === true}
                  error={errors[field.key]}
                />
              );
          }
        })}
        <NumberInput label={t("reference.sort")} value={sort} onChange={(v) => setSort(typeof v === "number" ? v : 0)} min={0} max={100000} allowDecimal={false} />
        <Switch mt="lg" label={t("common.active")} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
      </SimpleGrid>
    </FormModal>
  );
}
