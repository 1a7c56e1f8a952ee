import type { UserDto } from "@bailanys/common/api/users";
import { Button, Group, Modal, PasswordInput, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiNoContent } from "../../../api/client.ts";
import { notifyError, notifySuccess } from "../../../lib/notifyError.ts";

const FIELDS = ["password"] as const;

/** Sets a new password; the server also lifts a lock and ends the user's sessions. */
export function PasswordModal({ user, onClose }: { user: UserDto; onClose: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (password.length < 10) {
      setError(t("users.passwordTooShort"));
      return;
    }
    setBusy(true);
    try {
      await apiNoContent(`/users/${user.id}/password`, { method: "POST", json: { password } });
      notifySuccess(t("users.passwordSet", { login: user.login }));
      onClose();
    } catch (caught) {
      setError(notifyError(caught, FIELDS).password);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t("users.resetPasswordFor", { login: user.login })} closeButtonProps={{ "aria-label": t("common.close") }}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {t("users.resetPasswordHint")}
          </Text>
          <PasswordInput label={t("users.newPassword")} value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={error} autoComplete="new-password" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy}>
              {t("users.setPassword")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
