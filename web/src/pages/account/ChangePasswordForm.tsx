import { Button, Group, PasswordInput, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiNoContent } from "../../api/client.ts";
import { useSave } from "../../hooks/useSave.ts";

const FIELDS = ["currentPassword", "newPassword"] as const;
type Problems = Partial<Record<(typeof FIELDS)[number] | "repeat", string>>;

/** The current password and the new one twice; the server checks the current one and ends the other sessions. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [problems, setProblems] = useState<Problems>({});
  const { busy, save } = useSave();

  const submit = async () => {
    const found: Problems = {};
    if (next.length < 10) {
      found.newPassword = t("account.tooShort");
    } else if (repeat !== next) {
      found.repeat = t("account.mismatch");
    }
    setProblems(found);
    if (Object.keys(found).length > 0) {
      return;
    }
    const refused = await save(() => apiNoContent("/auth/me/password", { method: "POST", json: { currentPassword: current, newPassword: next } }), FIELDS, t("account.changed"));
    if (refused === null) {
      setCurrent("");
      setNext("");
      setRepeat("");
    } else {
      setProblems(refused);
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      data-testid="account-password-form"
    >
      <Stack gap="sm" maw={420}>
        <PasswordInput label={t("account.currentPassword")} value={current} onChange={(e) => setCurrent(e.currentTarget.value)} error={problems.currentPassword} autoComplete="current-password" required data-testid="account-current-password" />
        <PasswordInput label={t("account.newPassword")} description={t("account.newPasswordHint")} value={next} onChange={(e) => setNext(e.currentTarget.value)} error={problems.newPassword} autoComplete="new-password" required data-testid="account-new-password" />
        <PasswordInput label={t("account.repeatPassword")} value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} error={problems.repeat} autoComplete="new-password" required data-testid="account-repeat-password" />
        <Group>
          <Button type="submit" loading={busy} data-testid="account-change-password">
            {t("account.change")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
