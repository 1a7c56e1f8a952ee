import type { UserDto } from "@bailanys/common/api/users";
import { PasswordInput, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiNoContent } from "../../../api/client.ts";
import { FormModal } from "../../../components/FormModal.tsx";
import { useSave } from "../../../hooks/useSave.ts";

const FIELDS = ["password"] as const;

/** Sets a new password; the server also lifts a lock and ends the user's sessions. */
export function PasswordModal({ user, onClose }: { user: UserDto; onClose: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | undefined>();
  const { busy, save } = useSave();

  const submit = async () => {
    if (password.length < 10) {
      setError(t("users.passwordTooShort"));
      return;
    }
    const problems = await save(() => apiNoContent(`/users/${user.id}/password`, { method: "POST", json: { password } }), FIELDS, t("users.passwordSet", { login: user.login }));
    if (problems === null) {
      onClose();
    } else {
      setError(problems.password);
    }
  };

  return (
    <FormModal opened onClose={onClose} title={t("users.resetPasswordFor", { login: user.login })} onSubmit={submit} busy={busy} submitLabel={t("users.setPassword")}>
      <Text size="sm" c="dimmed">
        {t("users.resetPasswordHint")}
      </Text>
      <PasswordInput label={t("users.newPassword")} value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={error} autoComplete="new-password" />
    </FormModal>
  );
}
