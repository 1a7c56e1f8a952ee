import type { CitizenCardDto, VerifyBody } from "@bailanys/common/api/contacts";
import { Alert, Button, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconAlertTriangle, IconShieldCheck } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, ApiError } from "../../api/client.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { errorText } from "../../lib/errorText.ts";
import { notifyError, notifySuccess } from "../../lib/notifyError.ts";
import { verifyProblems } from "./citizenCard.ts";

const FIELDS = ["iin", "phoneLast4"] as const;
type Field = (typeof FIELDS)[number];

const digitsOnly = (value: string) => value.replace(/\D/g, "");

interface Props {
  contactId: string;
  onVerify: (work: () => Promise<CitizenCardDto>) => Promise<void>;
}

/** ИИН and the last four digits of the phone on record, as the citizen states them (R11.1); each attempt is audited. */
export function VerifyIdentityForm({ contactId, onVerify }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [iin, setIin] = useState("");
  const [phoneLast4, setPhoneLast4] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = verifyProblems(iin, phoneLast4);
    setRefused(null);
    setErrors({
      iin: problems.iin && errorText(problems.iin, locale),
      phoneLast4: problems.phoneLast4 && errorText(problems.phoneLast4, locale),
    });
    if (problems.iin || problems.phoneLast4) {
      return;
    }
    setBusy(true);
    try {
      const body: VerifyBody = { iin: iin.trim(), phoneLast4: phoneLast4.trim() };
      await onVerify(() => api<CitizenCardDto>(`/contacts/${contactId}/verify`, { method: "POST", json: body }));
      notifySuccess(t("workspace.verify.done"));
    } catch (error) {
      // A mismatch is an answer to show by the form, in the server's words, not a failure to pop up and vanish.
      if (error instanceof ApiError && error.code === "VERIFICATION_FAILED") {
        setRefused(error.message);
      } else {
        setErrors(notifyError(error, FIELDS));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    // The checks above speak the user's language; the browser's own would not, so they are off.
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="verify-identity-title" data-testid="verify-form">
      <Stack gap={6}>
        <Title order={3} size="h6" id="verify-identity-title">
          {t("workspace.verify.title")}
        </Title>
        <Text size="xs" c="dimmed">
          {t("workspace.verify.text")}
        </Text>
        <TextInput
          size="xs"
          label={t("workspace.verify.iin")}
          value={iin}
          onChange={(e) => setIin(digitsOnly(e.currentTarget.value))}
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          error={errors.iin}
          data-testid="verify-iin"
        />
        <TextInput
          size="xs"
          label={t("workspace.verify.phoneLast4")}
          value={phoneLast4}
          onChange={(e) => setPhoneLast4(digitsOnly(e.currentTarget.value))}
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          error={errors.phoneLast4}
          data-testid="verify-phone4"
        />
        {refused !== null && (
          <Alert color="red" variant="light" p="xs" icon={<IconAlertTriangle size={16} aria-hidden />} role="alert" data-testid="verify-error">
            <Text size="sm">{refused}</Text>
          </Alert>
        )}
        <Button type="submit" size="xs" variant="light" leftSection={<IconShieldCheck size={14} aria-hidden />} loading={busy} data-testid="verify-submit">
          {t("workspace.verify.submit")}
        </Button>
      </Stack>
    </form>
  );
}
