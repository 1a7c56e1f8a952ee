import type { AccountDto } from "@bailanys/common/api/auth";
import { Alert, Card, Stack, Switch, Text, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isAbort } from "../../api/client.ts";
import { FullPageLoader } from "../../components/FullPageLoader.tsx";
import { InfoGrid } from "../../components/InfoGrid.tsx";
import { formatDateTime } from "../../lib/formatDateTime.ts";
import { notifyError, notifySuccess } from "../../lib/notifyError.ts";
import { ChangePasswordForm } from "./ChangePasswordForm.tsx";

/** The signed-in user's own account: who they are, their e-mail notifications, their password. */
export function AccountPage() {
  const { t } = useTranslation();
  const [account, setAccount] = useState<AccountDto | null>(null);
  const [failed, setFailed] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    api<AccountDto>("/auth/me/account", { signal: controller.signal })
      .then(setAccount)
      .catch((error: unknown) => {
        if (!isAbort(error)) {
          setFailed(true);
          notifyError(error);
        }
      });
    return () => controller.abort();
  }, []);

  if (account === null) {
    return failed ? <Alert color="red">{t("common.error")}</Alert> : <FullPageLoader />;
  }
  const setNotifications = async (on: boolean) => {
    setSaving(true);
    try {
      setAccount(await api<AccountDto>("/auth/me/account", { method: "PATCH", json: { emailNotifications: on } }));
      notifySuccess(t("account.saved"));
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack maw={720} data-testid="account-page">
      <Title order={1} size="h2">
        {t("account.title")}
      </Title>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t("account.profile")}
        </Title>
        <InfoGrid
          items={[
            { label: t("account.fullName"), value: account.fullName },
            { label: t("account.login"), value: account.login },
            { label: t("account.roles"), value: account.roles.map((role) => t(`roles.${role}`)).join(", ") },
            { label: t("account.email"), value: account.email ?? t("account.noEmail") },
            {
              label: t("account.previousSignIn"),
              value: account.previousSignIn === null ? t("account.firstSignIn") : t("account.signInFrom", { time: formatDateTime(account.previousSignIn.at), ip: account.previousSignIn.ip ?? "—" }),
            },
          ]}
        />
        {account.failedSignInsSince > 0 && (
          <Alert color="orange" mt="sm" data-testid="account-failed-sign-ins">
            {t("account.failedSignIns", { count: account.failedSignInsSince })}
          </Alert>
        )}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t("account.notifications")}
        </Title>
        <Switch
          checked={account.emailNotifications && account.email !== null}
          disabled={saving || account.email === null}
          onChange={(event) => void setNotifications(event.currentTarget.checked)}
          label={t("account.emailNotifications")}
          description={account.email === null ? t("account.emailNotificationsNeedAddress") : t("account.emailNotificationsHint")}
          data-testid="account-email-notifications"
        />
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb={4}>
          {t("account.password")}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t("account.passwordHint")}
        </Text>
        <ChangePasswordForm />
      </Card>
    </Stack>
  );
}
