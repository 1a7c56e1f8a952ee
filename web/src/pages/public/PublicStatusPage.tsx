import type { PublicAppealDto } from "@bailanys/common/api/appeals";
import { Alert, Anchor, Box, Button, Container, Group, Paper, SegmentedControl, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconAlertCircle, IconClockPause, IconSearch } from "@tabler/icons-react";
import type { Locale } from "@bailanys/common/locales";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { api, ApiError } from "../../api/client.ts";
import { PublicHeader } from "../../components/PublicHeader.tsx";
import { ServiceNotices } from "../../components/ServiceNotices.tsx";
import { useLocale } from "../../i18n/useLocale.ts";
import { errorText } from "../../lib/errorText.ts";
import { PublicAppealResult } from "./PublicAppealResult.tsx";
import { usePublicNotices } from "./usePublicNotices.ts";

type Factor = "iin" | "phone";
interface LookupQuery {
  number: string;
  factor: Factor;
  value: string;
}
type Failure = { kind: "not_found" | "rate_limited" | "other"; message: string };

/** The citizen's status page: registration number plus ИИН or the phone's last four digits, no sign-in. */
export function PublicStatusPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [number, setNumber] = useState("");
  const [factor, setFactor] = useState<Factor>("iin");
  const [secret, setSecret] = useState("");
  const [errors, setErrors] = useState<{ number?: string; secret?: string }>({});
  const [result, setResult] = useState<PublicAppealDto | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);

  const notices = usePublicNotices(locale);
  const lastQuery = useRef<LookupQuery | null>(null);
  const shownIn = useRef(locale);

  const lookup = async (query: LookupQuery, lang: Locale) => {
    shownIn.current = lang;
    setBusy(true);
    setFailure(null);
    try {
      setResult(
        await api<PublicAppealDto>(`/public/appeals/${encodeURIComponent(query.number)}`, {
          query: { [query.factor]: query.value, lang },
          redirectOn401: false,
        }),
      );
    } catch (error) {
      setResult(null);
      if (error instanceof ApiError) {
        const kind = error.code === "PUBLIC_LOOKUP_FAILED" ? "not_found" : error.code === "RATE_LIMITED" ? "rate_limited" : "other";
        setFailure({ kind, message: error.message });
      } else {
        setFailure({ kind: "other", message: t("errors.unexpected") });
      }
    } finally {
      setBusy(false);
    }
  };

  // Status and type names come from the server in one language: ask again when the reader switches.
  useEffect(() => {
    if (result !== null && lastQuery.current !== null && shownIn.current !== locale) {
      void lookup(lastQuery.current, locale);
    }
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = secret.replace(/\s/g, "");
    const found: { number?: string; secret?: string } = {};
    if (number.trim().length < 3) {
      found.number = errorText("FIELD_REQUIRED", locale);
    }
    if (factor === "iin" && !/^\d{12}$/.test(value)) {
      found.secret = errorText("IIN_INVALID_FORMAT", locale);
    }
    if (factor === "phone" && !/^\d{4}$/.test(value)) {
      found.secret = t("public.phoneTailInvalid");
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    const query: LookupQuery = { number: number.trim(), factor, value };
    lastQuery.current = query;
    await lookup(query, locale);
  };

  return (
    <Box mih="100vh" bg="gray.0">
      <PublicHeader />
      <Container size="md" py="xl">
        <Stack>
          <div>
            <Title order={2}>{t("public.title")}</Title>
            <Text c="dimmed">{t("public.subtitle")}</Text>
          </div>
          <ServiceNotices notices={notices} />
          <Paper withBorder p="lg">
            <form onSubmit={(event) => void submit(event)} noValidate>
              <Stack>
                <TextInput
                  label={t("public.number")}
                  placeholder="109-2026-00000001"
                  value={number}
                  onChange={(e) => setNumber(e.currentTarget.value)}
                  error={errors.number}
                  autoComplete="off"
                  maxLength={60}
                />
                <div>
                  <Text size="sm" fw={500} mb={4} id="public-factor-label">
                    {t("public.checkBy")}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="public-factor-label"
                    value={factor}
                    onChange={(v) => {
                      setFactor(v === "phone" ? "phone" : "iin");
                      setSecret("");
                      setErrors({});
                    }}
                    data={[
                      { value: "iin", label: t("public.byIin") },
                      { value: "phone", label: t("public.byPhone") },
                    ]}
                  />
                </div>
                {factor === "iin" ? (
                  <TextInput key="iin" label={t("public.iin")} inputMode="numeric" maxLength={12} value={secret} onChange={(e) => setSecret(e.currentTarget.value)} error={errors.secret} autoComplete="off" />
                ) : (
                  <TextInput key="phone" label={t("public.phoneTail")} inputMode="numeric" maxLength={4} value={secret} onChange={(e) => setSecret(e.currentTarget.value)} error={errors.secret} autoComplete="off" />
                )}
                <Group justify="space-between">
                  <Anchor component={Link} to="/login" size="sm">
                    {t("public.staffLogin")}
                  </Anchor>
                  <Button type="submit" loading={busy} leftSection={<IconSearch size={16} aria-hidden />} data-testid="public-submit">
                    {t("public.submit")}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Paper>
          {failure && (
            <Alert
              color={failure.kind === "rate_limited" ? "orange" : "red"}
              icon={failure.kind === "rate_limited" ? <IconClockPause aria-hidden /> : <IconAlertCircle aria-hidden />}
              title={failure.kind === "not_found" ? t("public.notFoundTitle") : failure.kind === "rate_limited" ? t("public.rateLimitedTitle") : t("common.error")}
              role="alert"
              data-testid="public-error"
              data-kind={failure.kind}
            >
              {failure.message}
              {failure.kind === "not_found" && (
                <Text size="sm" mt="xs">
                  {t("public.notFoundHint")}
                </Text>
              )}
            </Alert>
          )}
          {result && <PublicAppealResult appeal={result} />}
        </Stack>
      </Container>
    </Box>
  );
}
