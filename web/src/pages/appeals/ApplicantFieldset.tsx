import type { CitizenDto } from "@bailanys/common/api/appeals";
import { LOCALES, isLocale } from "@bailanys/common/locales";
import { Alert, Button, Checkbox, Fieldset, Grid, Group, Select, Text, TextInput } from "@mantine/core";
import { IconCircleCheck, IconUserSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { formatDateTime } from "../../lib/formatDateTime.ts";
import { notifyError, notifySuccess } from "../../lib/notifyError.ts";
import type { AppealFormErrors, AppealFormValues } from "./appealForm.ts";
import { useIinCheck } from "./useIinCheck.ts";

interface Props {
  values: AppealFormValues;
  errors: AppealFormErrors;
  onChange: (patch: Partial<AppealFormValues>) => void;
  canLookup: boolean;
}

/** The applicant: ИИН/БИН with lookup, name, contacts, preferred language and consent. */
export function ApplicantFieldset({ values, errors, onChange, canLookup }: Props) {
  const { t } = useTranslation();
  const iin = useIinCheck(values.iin);
  const [searching, setSearching] = useState(false);
  const [consentNote, setConsentNote] = useState<string | null>(null);
  /** A record with this ИИН exists but was shown masked: its details need the phone's last four digits (R11.1). */
  const [maskedRecord, setMaskedRecord] = useState<CitizenDto | null>(null);
  const [last4, setLast4] = useState("");
  const [last4Error, setLast4Error] = useState<string | null>(null);

  const lookup = async (phoneLast4?: string) => {
    setSearching(true);
    try {
      const query = { iin: values.iin.trim(), ...(phoneLast4 === undefined ? {} : { phoneLast4 }) };
      const { items } = await api<{ items: CitizenDto[] }>("/citizens", { query });
      const found = items[0];
      if (!found) {
        notifySuccess(t("applicant.notFound"));
        setConsentNote(null);
        setMaskedRecord(null);
        return;
      }
      if (found.masked) {
        setMaskedRecord(found);
        setLast4Error(phoneLast4 === undefined ? null : t("applicant.last4Mismatch"));
        return;
      }
      setMaskedRecord(null);
      setLast4("");
      onChange({
        fullName: found.fullName,
        phone: found.phone ?? "",
        email: found.email ?? "",
        ...(isLocale(found.preferredLanguage) ? { preferredLanguage: found.preferredLanguage } : {}),
      });
      setConsentNote(found.consentGivenAt ? t("applicant.consentOnFile", { date: formatDateTime(found.consentGivenAt) }) : null);
      notifySuccess(t("applicant.found", { name: found.fullName }));
    } catch (error) {
      const fields = notifyError(error, ["query.phoneLast4"]);
      setLast4Error(fields["query.phoneLast4"] ?? null);
    } finally {
      setSearching(false);
    }
  };

  const confirmLast4 = () => {
    if (!/^\d{4}$/.test(last4)) {
      setLast4Error(t("applicant.last4Format"));
      return;
    }
    void lookup(last4);
  };

  return (
    <Fieldset legend={t("applicant.legend")}>
      <Grid>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label={t("applicant.iin")}
            inputMode="numeric"
            autoComplete="off"
            maxLength={14}
            value={values.iin}
            onChange={(e) => {
              onChange({ iin: e.currentTarget.value });
              setMaskedRecord(null);
            }}
            error={errors["citizen.iin"] ?? iin.error}
            description={iin.error ? undefined : iin.description}
            leftSection={iin.valid ? <IconCircleCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden /> : null}
            rightSectionWidth={canLookup ? 96 : undefined}
            rightSectionPointerEvents="all"
            rightSection={
              canLookup ? (
                <Button
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconUserSearch size={14} aria-hidden />}
                  disabled={!iin.valid}
                  loading={searching}
                  onClick={() => void lookup()}
                  data-testid="applicant-find"
                >
                  {t("applicant.find")}
                </Button>
              ) : null
            }
            data-testid="applicant-iin"
          />
        </Grid.Col>
        {maskedRecord !== null && (
          <Grid.Col span={12}>
            <Alert color="blue" variant="light" p="xs" data-testid="applicant-masked">
              <Text size="sm">{t("applicant.maskedFound", { name: maskedRecord.fullName, phone: maskedRecord.phone ?? "—" })}</Text>
              <Group gap="xs" mt="xs" align="flex-start" wrap="nowrap">
                <TextInput
                  aria-label={t("applicant.last4")}
                  placeholder={t("applicant.last4")}
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={4}
                  w={220}
                  value={last4}
                  onChange={(e) => {
                    setLast4(e.currentTarget.value);
                    setLast4Error(null);
                  }}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") {
                      e.preventDefault();
                      confirmLast4();
                    }
                  }}
                  error={last4Error}
                  data-testid="applicant-last4"
                />
                <Button variant="light" loading={searching} onClick={confirmLast4} data-testid="applicant-last4-confirm">
                  {t("applicant.fillIn")}
                </Button>
              </Group>
            </Alert>
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label={t("applicant.fullName")}
            value={values.fullName}
            onChange={(e) => onChange({ fullName: e.currentTarget.value })}
            error={errors["citizen.fullName"] ?? errors.citizen}
            maxLength={300}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput
            label={t("applicant.phone")}
            type="tel"
            placeholder="+7 701 123 45 67"
            value={values.phone}
            onChange={(e) => onChange({ phone: e.currentTarget.value })}
            error={errors["citizen.phone"]}
            maxLength={20}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput
            label={t("applicant.email")}
            type="email"
            value={values.email}
            onChange={(e) => onChange({ email: e.currentTarget.value })}
            error={errors["citizen.email"]}
            maxLength={200}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Select
            label={t("applicant.preferredLanguage")}
            data={LOCALES.map((l) => ({ value: l, label: t(`locale.${l}`) }))}
            value={values.preferredLanguage}
            onChange={(value) => {
              if (isLocale(value)) {
                onChange({ preferredLanguage: value });
              }
            }}
            allowDeselect={false}
            error={errors["citizen.preferredLanguage"]}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Checkbox
            label={t("applicant.consent")}
            checked={values.consent}
            onChange={(e) => onChange({ consent: e.currentTarget.checked })}
          />
          {consentNote && (
            <Text size="xs" c="dimmed" mt={4}>
              {consentNote}
            </Text>
          )}
        </Grid.Col>
      </Grid>
    </Fieldset>
  );
}
