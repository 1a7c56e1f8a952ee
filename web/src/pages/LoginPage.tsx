import { Alert, Anchor, Box, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconAlertCircle, IconSearch } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useNavigate } from "react-router-dom";
import { ApiError } from "../api/client.ts";
import { PublicHeader } from "../components/PublicHeader.tsx";
import { useSession } from "../session/useSession.ts";

function returnPath(state: unknown): string {
  if (typeof state === "object" && state !== null && "from" in state && typeof state.from === "string" && state.from.startsWith("/")) {
    return state.from;
  }
  return "/";
}

/** Staff sign-in with login and password. */
export function LoginPage() {
  const { t } = useTranslation();
  const { me, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [loginName, setLoginName] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (me !== null && !busy) {
    return <Navigate to={returnPath(location.state)} replace />;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (loginName.trim() === "" || password === "") {
      setError(t("login.fillBoth"));
      return;
    }
    setBusy(true);
    try {
      await login(loginName.trim(), password);
      void navigate(returnPath(location.state), { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t("errors.unexpected"));
      setBusy(false);
    }
  };

  return (
    <Box mih="100vh" bg="gray.0">
      <PublicHeader />
      <Center px="md" py={60}>
        <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Stack>
              <div>
                <Title order={2}>{t("login.title")}</Title>
                <Text c="dimmed" size="sm">
                  {t("login.subtitle")}
                </Text>
              </div>
              {error && (
                <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert" data-testid="login-error">
                  {error}
                </Alert>
              )}
              <TextInput label={t("login.login")} autoComplete="username" value={loginName} onChange={(e) => setLoginName(e.currentTarget.value)} autoFocus />
              <PasswordInput label={t("login.password")} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
              <Button type="submit" loading={busy} data-testid="login-submit" fullWidth>
                {t("login.submit")}
              </Button>
              <Anchor component={Link} to="/status" size="sm" ta="center">
                <IconSearch size={14} aria-hidden style={{ verticalAlign: "middle", marginRight: 4 }} />
                {t("login.checkStatus")}
              </Anchor>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}
