import type { AppealDto } from "@bailanys/common/api/appeals";
import type { ContactDto, LogEntryDto } from "@bailanys/common/api/contacts";
import type { ReferenceDto } from "@bailanys/common/api/reference";
import { Button, Card, Checkbox, Drawer, Group, Stack } from "@mantine/core";
import { IconDeviceFloppy } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { DueDateText } from "../../components/DueDateText.tsx";
import { useDueDatePreview } from "../../hooks/useDueDatePreview.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { almatyInputToIso } from "../../lib/almatyInput.ts";
import { newUuid } from "../../lib/newUuid.ts";
import { notifyError, notifySuccess } from "../../lib/notifyError.ts";
import { useSession } from "../../session/useSession.ts";
import { AppealDetailsFieldset } from "../appeals/AppealDetailsFieldset.tsx";
import { APPEAL_FORM_FIELDS, appealRequestBody, checkAppealValues, type AppealApplicant } from "../appeals/appealForm.ts";
import { useAppealFormState } from "../appeals/useAppealFormState.ts";
import { ApplicantFieldset } from "../appeals/ApplicantFieldset.tsx";
import { RoutingFieldset } from "../appeals/RoutingFieldset.tsx";
import { valuesFromContact } from "./contactAppealForm.ts";

interface Props {
  contact: ContactDto;
  entries: readonly LogEntryDto[];
  reference: ReferenceDto;
  onClose: () => void;
  onRegistered: (appeal: AppealDto) => void;
}

/** The registry's own form in a drawer beside the chat, filled from the conversation and linked to it. */
export function RegisterAppealDrawer({ contact, entries, reference, onClose, onRegistered }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { can } = useSession();
  const { values, errors, setErrors, change } = useAppealFormState(() => valuesFromContact(contact, entries, reference, locale));
  const [useRecord, setUseRecord] = useState(contact.citizen !== null);
  const [submitting, setSubmitting] = useState(false);
  // One key per form: a double click or a retry after a lost answer registers the appeal only once.
  const [idempotencyKey] = useState(newUuid);

  const type = reference.types.find((x) => x.code === values.typeCode) ?? null;
  const preview = useDueDatePreview(type?.term ?? null, type?.termUnit === "CD" ? "CD" : "WD", almatyInputToIso(values.receivedAt));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const applicant: AppealApplicant = useRecord && contact.citizen ? { kind: "record", citizenId: contact.citizen.id } : { kind: "typed" };
    const found = checkAppealValues(values, applicant, locale);
    if (Object.keys(found).length > 0 || values.typeCode === null) {
      setErrors(found);
      return;
    }
    setSubmitting(true);
    try {
      const appeal = await api<AppealDto>("/appeals", {
        method: "POST",
        json: appealRequestBody(values, values.typeCode, applicant, contact.id),
        headers: { "Idempotency-Key": idempotencyKey },
      });
      notifySuccess(t("workspace.appeal.done", { number: appeal.number }));
      onRegistered(appeal);
    } catch (error) {
      setErrors(notifyError(error, APPEAL_FORM_FIELDS));
      setSubmitting(false);
    }
  };

  return (
    <Drawer opened onClose={onClose} position="right" size="min(960px, 92vw)" title={t("workspace.appeal.title")} closeButtonProps={{ "aria-label": t("common.close") }}>
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="register-appeal-form">
        <Stack>
          {contact.citizen && (
            <Checkbox label={t("workspace.appeal.matched", { name: contact.citizen.name })} checked={useRecord} onChange={(e) => setUseRecord(e.currentTarget.checked)} />
          )}
          {!useRecord && <ApplicantFieldset values={values} errors={errors} onChange={change} canLookup={can("citizen.read")} />}
          <AppealDetailsFieldset values={values} errors={errors} onChange={change} />
          <RoutingFieldset values={values} errors={errors} onChange={change} />
          <Card withBorder bg="bailanys.0" aria-live="polite">
            <DueDateText preview={preview} idleText={t("dueDate.chooseType")} />
          </Card>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={submitting} leftSection={<IconDeviceFloppy size={16} aria-hidden />} data-testid="register-appeal-submit">
              {t("appealForm.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
