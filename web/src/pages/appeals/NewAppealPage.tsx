import type { AppealDto } from "@bailanys/common/api/appeals";
import type { ReferenceDto } from "@bailanys/common/api/reference";
import { Button, Card, Group, Stack, Title } from "@mantine/core";
import { IconDeviceFloppy } from "@tabler/icons-react";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../../api/client.ts";
import { DueDateText } from "../../components/DueDateText.tsx";
import { FullPageLoader } from "../../components/FullPageLoader.tsx";
import { useDueDatePreview } from "../../hooks/useDueDatePreview.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { almatyInputToIso, almatyNowInput } from "../../lib/almatyInput.ts";
import { newUuid } from "../../lib/newUuid.ts";
import { notifyError, notifySuccess } from "../../lib/notifyError.ts";
import { useReference } from "../../reference/useReference.ts";
import { useSession } from "../../session/useSession.ts";
import { AppealDetailsFieldset } from "./AppealDetailsFieldset.tsx";
import { APPEAL_FORM_FIELDS, appealRequestBody, checkAppealValues, type AppealApplicant, type AppealFormValues } from "./appealForm.ts";
import { useAppealFormState } from "./useAppealFormState.ts";
import { ApplicantFieldset } from "./ApplicantFieldset.tsx";
import { RoutingFieldset } from "./RoutingFieldset.tsx";

const TYPED: AppealApplicant = { kind: "typed" };

function initialValues(reference: ReferenceDto | null, interfaceLocale: AppealFormValues["preferredLanguage"]): AppealFormValues {
  const pick = (rows: { code: string; active: boolean }[] | undefined, preferred: string) =>
    rows?.find((r) => r.code === preferred && r.active)?.code ?? rows?.find((r) => r.active)?.code ?? null;
  return {
    iin: "",
    fullName: "",
    phone: "",
    email: "",
    preferredLanguage: interfaceLocale,
    consent: false,
    typeCode: null,
    categoryId: null,
    criticalityCode: pick(reference?.criticality, "normal"),
    languageCode: pick(reference?.languages, interfaceLocale),
    form: "electronic",
    channelCode: pick(reference?.channels, "phone"),
    bodyId: null,
    unitId: null,
    positionId: null,
    subject: "",
    text: "",
    receivedAt: almatyNowInput(),
  };
}

/** Registration of an appeal with a live preview of its legal deadline. */
export function NewAppealPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const { can } = useSession();
  const { reference } = useReference();
  const { values, setValues, errors, setErrors, change } = useAppealFormState(() => initialValues(reference, locale));
  const [submitting, setSubmitting] = useState(false);
  // One key per form: a double click or a retry after a lost answer registers the appeal only once.
  const [idempotencyKey] = useState(newUuid);
  const [defaultsApplied, setDefaultsApplied] = useState(reference !== null);

  useEffect(() => {
    if (reference !== null && !defaultsApplied) {
      const defaults = initialValues(reference, locale);
      setValues((v) => ({ ...v, criticalityCode: defaults.criticalityCode, languageCode: defaults.languageCode, channelCode: defaults.channelCode }));
      setDefaultsApplied(true);
    }
  }, [reference, defaultsApplied, locale]);

  const type = reference?.types.find((x) => x.code === values.typeCode) ?? null;
  const receivedIso = almatyInputToIso(values.receivedAt);
  const preview = useDueDatePreview(type?.term ?? null, type?.termUnit === "CD" ? "CD" : "WD", receivedIso);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkAppealValues(values, TYPED, locale);
    if (Object.keys(found).length > 0 || values.typeCode === null) {
      setErrors(found);
      return;
    }
    setSubmitting(true);
    try {
      const card = await api<AppealDto>("/appeals", {
        method: "POST",
        json: appealRequestBody(values, values.typeCode, TYPED),
        headers: { "Idempotency-Key": idempotencyKey },
      });
      notifySuccess(t("appealForm.registered", { number: card.number }));
      void navigate(`/appeals/${card.id}`, { state: { registered: true } });
    } catch (error) {
      setErrors(notifyError(error, APPEAL_FORM_FIELDS));
      setSubmitting(false);
    }
  };

  if (reference === null) {
    return <FullPageLoader />;
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack maw={1100}>
        <Title order={2}>{t("appealForm.title")}</Title>
        <ApplicantFieldset values={values} errors={errors} onChange={change} canLookup={can("citizen.read")} />
        <AppealDetailsFieldset values={values} errors={errors} onChange={change} />
        <RoutingFieldset values={values} errors={errors} onChange={change} />
        <Card withBorder bg="bailanys.0" aria-live="polite">
          <DueDateText preview={preview} idleText={t("dueDate.chooseType")} testId="due-date-preview" />
        </Card>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void navigate("/appeals")}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={submitting} leftSection={<IconDeviceFloppy size={16} aria-hidden />} data-testid="appeal-submit">
            {t("appealForm.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
