import type { OfficeDto } from "@bailanys/common/api/kb";
import { SimpleGrid, Switch, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { api } from "../../../api/client.ts";
import { FormModal } from "../../../components/FormModal.tsx";
import { useLocalizedName } from "../../../i18n/useLocalizedName.ts";
import { useAdminForm } from "../../admin/contact-centre/shared/useAdminForm.ts";
import { OfficeHoursEditor } from "./OfficeHoursEditor.tsx";
import { OFFICE_FIELDS, TEXT_FIELDS, officeBody, officeToForm, validateOffice } from "./officeForm.ts";

interface Props {
  office: OfficeDto | null;
  onClose: () => void;
  onSaved: (office: OfficeDto) => void;
}

/** Add or change an office: names and addresses in three languages, contacts, the week's hours, the map point. */
export function OfficeModal({ office, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const name = useLocalizedName();
  const { form, change, errors, busy, submit } = useAdminForm({
    initial: () => officeToForm(office),
    validate: validateOffice,
    fields: () => OFFICE_FIELDS,
    nested: true,
    send: async (f) => onSaved(await api<OfficeDto>(office ? `/kb/offices/${office.id}` : "/kb/offices", { method: office ? "PUT" : "POST", json: officeBody(f) })),
    onDone: onClose,
  });
  const text = (field: (typeof TEXT_FIELDS)[number]) => (
    <TextInput key={field} label={t(`kbEditor.offices.fields.${field}`)} value={form[field]} onChange={(e) => change({ [field]: e.currentTarget.value })} error={errors[field]} maxLength={field.startsWith("name") ? 300 : 500} required />
  );

  return (
    <FormModal opened onClose={onClose} title={office ? t("kbEditor.offices.editTitle", { name: name(office) }) : t("kbEditor.offices.newTitle")} size="xl" onSubmit={submit} busy={busy} testId="kb-office">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>{TEXT_FIELDS.filter((f) => f.startsWith("name")).map(text)}</SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>{TEXT_FIELDS.filter((f) => f.startsWith("address")).map(text)}</SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t("kbEditor.offices.phone")} type="tel" value={form.phone} onChange={(e) => change({ phone: e.currentTarget.value })} error={errors.phone} maxLength={40} />
        <TextInput label={t("kbEditor.offices.email")} type="email" value={form.email} onChange={(e) => change({ email: e.currentTarget.value })} error={errors.email} maxLength={200} />
      </SimpleGrid>
      <OfficeHoursEditor days={form.days} errors={errors} onChange={(days) => change({ days })} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label={t("kbEditor.offices.latitude")} placeholder="43.2389" value={form.latitude} onChange={(e) => change({ latitude: e.currentTarget.value })} error={errors.latitude} inputMode="decimal" />
        <TextInput label={t("kbEditor.offices.longitude")} placeholder="76.8897" value={form.longitude} onChange={(e) => change({ longitude: e.currentTarget.value })} error={errors.longitude} inputMode="decimal" />
        <Switch mt={{ base: 0, sm: "xl" }} label={t("common.active")} checked={form.active} onChange={(e) => change({ active: e.currentTarget.checked })} />
      </SimpleGrid>
    </FormModal>
  );
}
