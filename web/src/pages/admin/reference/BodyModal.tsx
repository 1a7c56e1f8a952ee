import type { BodyBody } from "@bailanys/common/api/org";
import type { ReferenceDto } from "@bailanys/common/api/reference";
import { Checkbox, SimpleGrid, Switch, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormModal } from "../../../components/FormModal.tsx";
import { NamesFields } from "../../../components/NamesFields.tsx";
import { useLocale } from "../../../i18n/useLocale.ts";
import type { Names } from "../../../i18n/useLocalizedName.ts";
import { errorText } from "../../../lib/errorText.ts";
import { missingNames } from "../../../lib/missingNames.ts";
import { useOrgSave } from "./useOrgSave.ts";

type Body = ReferenceDto["bodies"][number];
const FIELDS = ["bin", "nameKk", "nameRu", "nameEn", "isExternal", "email", "active"] as const;
type Field = (typeof FIELDS)[number];

/** Add or change a state body or an outside organisation appeals may be forwarded to. */
export function BodyModal({ body, onClose }: { body: Body | null; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { busy, save } = useOrgSave();
  const [bin, setBin] = useState(body?.bin ?? "");
  const [names, setNames] = useState<Names>({ nameKk: body?.nameKk ?? "", nameRu: body?.nameRu ?? "", nameEn: body?.nameEn ?? "" });
  const [isExternal, setIsExternal] = useState(body?.isExternal ?? false);
  const [email, setEmail] = useState(body?.email ?? "");
  const [active, setActive] = useState(body?.active ?? true);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const submit = async () => {
    const found: Partial<Record<Field, string>> = missingNames(names, errorText("FIELD_REQUIRED", locale));
    if (bin !== "" && !/^\d{12}$/.test(bin)) {
      found.bin = errorText("BIN_INVALID_FORMAT", locale);
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    const payload: BodyBody = { bin: bin === "" ? null : bin, nameKk: names.nameKk.trim(), nameRu: names.nameRu.trim(), nameEn: names.nameEn.trim(), isExternal, email: email.trim() === "" ? null : email.trim(), active };
    const problems = await save("/bodies", body?.id ?? null, payload, FIELDS);
    if (problems === null) {
      onClose();
    } else {
      setErrors(problems);
    }
  };

  return (
    <FormModal opened onClose={onClose} title={body ? t("org.editBody") : t("org.newBody")} size="lg" onSubmit={submit} busy={busy}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t("org.bin")} value={bin} onChange={(e) => setBin(e.currentTarget.value.trim())} error={errors.bin} inputMode="numeric" maxLength={12} />
        <TextInput label={t("org.email")} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} maxLength={200} />
      </SimpleGrid>
      <NamesFields value={names} onChange={setNames} errors={errors} />
      <Checkbox label={t("org.isExternal")} description={t("org.isExternalHint")} checked={isExternal} onChange={(e) => setIsExternal(e.currentTarget.checked)} />
      <Switch label={t("common.active")} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
    </FormModal>
  );
}
