import type { AppealDto, CitizenInput, CreateAppealBody } from "@bailanys/common/api/appeals";
import type { ReferenceDto } from "@bailanys/common/api/reference";
import { validateIinOrBin } from "@bailanys/common/identity-number";
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
import { errorText } from "../../lib/errorText.ts";
import { newUuid } from "../../lib/newUuid.ts";
import { notifyError, notifySuccess } from "../../lib/notifyError.ts";
import { useReference } from "../../reference/useReference.ts";
import { useSession } from "../../session/useSession.ts";
import { AppealDetailsFieldset } from "./AppealDetailsFieldset.tsx";
import { APPEAL_FORM_FIELDS, VALUE_FIELD, type AppealFormErrors, type AppealFormValues } from "./appealForm.ts";
import { ApplicantFieldset } from "./ApplicantFieldset.tsx";
import { RoutingFieldset } from "./RoutingFieldset.tsx";

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

const optional = (value: string | null): string | undefined => (value === null || value.trim() === "" ? undefined : value.trim());

function toBody(values: AppealFormValues, typeCode: string): CreateAppealBody {
  const citizen: CitizenInput = {
    fullName: values.fullName.trim(),
    iin: optional(values.iin),
    phone: optional(values.phone),
    email: optional(values.email),
    preferredLanguage: values.preferredLanguage,
    // The consent is recorded with the channel it was given through, as the law on personal data asks.
    consent: values.consent ? { given: true, source: values.channelCode ?? "operator" } : undefined,
  };
  return {
    typeCode,
    citizen,
    subject: values.subject.trim(),
    text: values.text.trim(),
    categoryId: optional(values.categoryId),
    criticalityCode: optional(values.criticalityCode),
    languageCode: optional(values.languageCode),
    form: values.form,
    channelCode: optional(values.channelCode),
    bodyId: optional(values.bodyId),
    unitId: optional(values.unitId),
    positionId: optional(values.positionId),
    receivedAt: almatyInputToIso(values.receivedAt) ?? undefined,
  };
}

/** Registration of an appeal with a live preview of its legal deadline. */
export function NewAppealPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const { can } = useSession();
  const { reference } = useReference();
  const [values, setValues] = useState<AppealFormValues>(() => initialValues(reference, locale));
  const [errors, setErrors] = useState<AppealFormErrors>({});
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

  const change = (patch: Partial<AppealFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((previous) => {
      const next = { ...previous };
      for (const key of Object.keys(patch) as (keyof AppealFormValues)[]) {
        delete next[VALUE_FIELD[key]];
      }
      return next;
    });
  };

  const check = (): AppealFormErrors => {
    const found: AppealFormErrors = {};
    const required = errorText("FIELD_REQUIRED", locale);
    if (values.typeCode === null) {
      found.typeCode = required;
    }
    if (values.fullName.trim() === "") {
      found["citizen.fullName"] = required;
    }
    if (values.subject.trim() === "") {
      found.subject = required;
    }
    if (values.text.trim() === "") {
      found.text = required;
    }
    if (receivedIso === null) {
      found.receivedAt = errorText("DATE_INVALID", locale);
    }
    const iin = values.iin.trim();
    if (iin !== "") {
      const result = validateIinOrBin(iin);
      if (!result.ok) {
        found["citizen.iin"] = errorText(result.code, locale);
      }
    }
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    if (Object.keys(found).length > 0 || values.typeCode === null) {
      setErrors(found);
      return;
    }
    setSubmitting(true);
    try {
      const card = await api<AppealDto>("/appeals", {
        method: "POST",
        json: toBody(values, values.typeCode),
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
