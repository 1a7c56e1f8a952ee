import type { AgentProfileDto } from "@bailanys/common/api/routing-admin";
import type { ExtensionDto } from "@bailanys/common/api/voice-admin";
import { PasswordInput, Select, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { api } from "../../../../api/client.ts";
import { FormModal } from "../../../../components/FormModal.tsx";
import { useAdminForm } from "../shared/useAdminForm.ts";
import { EXTENSION_FIELDS, extensionBody, extensionToForm, operatorOptions, otherExtensionOf, validateExtension } from "./extensionForm.ts";

interface Props {
  extension: ExtensionDto | null;
  /** Every extension: a new one is not one of them, and an operator's other extension is freed. */
  extensions: ExtensionDto[];
  /** Those who may handle contacts (GET /routing/agents). */
  agents: AgentProfileDto[];
  onClose: () => void;
  /** Called with the saved extension; the dialog closes itself afterwards. */
  onSaved: (extension: ExtensionDto) => void;
}

/** Add an extension, or give it to another operator (or none) and set a new password. */
export function ExtensionModal({ extension, extensions, agents, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const isNew = extension === null;
  const { form, change, errors, busy, submit } = useAdminForm({
    initial: () => extensionToForm(extension),
    validate: (form) => validateExtension(form, { isNew, taken: extensions.map((e) => e.extension) }),
    fields: () => EXTENSION_FIELDS,
    send: async (form) => onSaved(await api<ExtensionDto>(`/voice/extensions/${encodeURIComponent(form.extension)}`, { method: "PUT", json: extensionBody(form) })),
    onDone: onClose,
  });
  const previous = otherExtensionOf(extensions, form.userId, form.extension);

  return (
    <FormModal
      opened
      onClose={onClose}
      title={extension === null ? t("voiceAdmin.extensions.newTitle") : t("voiceAdmin.extensions.editTitle", { extension: extension.extension })}
      onSubmit={submit}
      busy={busy}
      formTestId="extension-form"
      submitTestId="extension-submit"
    >
      {isNew && (
        <TextInput
          label={t("voiceAdmin.extensions.extension")}
          description={t("voiceAdmin.extensions.extensionHint")}
          value={form.extension}
          onChange={(e) => change({ extension: e.currentTarget.value.trim() })}
          inputMode="numeric"
          maxLength={8}
          error={errors.extension ?? errors["params.extension"]}
          data-autofocus
        />
      )}
      <Select
        label={t("voiceAdmin.extensions.operator")}
        placeholder={t("voiceAdmin.extensions.unassigned")}
        description={previous === null ? t("voiceAdmin.extensions.operatorHint") : t("voiceAdmin.extensions.frees", { extension: previous })}
        data={operatorOptions(agents, extension)}
        value={form.userId}
        onChange={(userId) => change({ userId })}
        searchable
        clearable
        nothingFoundMessage={t("common.nothingFound")}
        error={errors.userId}
      />
      <PasswordInput
        label={isNew ? t("voiceAdmin.extensions.password") : t("voiceAdmin.extensions.newPassword")}
        description={isNew ? t("voiceAdmin.extensions.passwordHint") : t("voiceAdmin.extensions.newPasswordHint")}
        value={form.password}
        onChange={(e) => change({ password: e.currentTarget.value })}
        autoComplete="new-password"
        maxLength={100}
        error={errors.password}
      />
    </FormModal>
  );
}
