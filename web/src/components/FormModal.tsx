import { Button, Group, Modal, Stack, type ModalProps } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  size?: ModalProps["size"];
  onSubmit: () => Promise<void> | void;
  busy: boolean;
  /** The submit button's text; "Save" unless the form does something more specific. */
  submitLabel?: string;
  children: ReactNode;
  /** Puts data-testid="modal-…" on the dialog and "submit-…" on its submit button, for browser tests. */
  testId?: string;
}

/** An edit dialog: the fields in a form, then Cancel and a submit button that shows when the save is under way. */
export function FormModal({ opened, onClose, title, size, onSubmit, busy, submitLabel, children, testId }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} data-testid={testId === undefined ? undefined : `modal-${testId}`} closeButtonProps={{ "aria-label": t("common.close") }}>
      {/* The forms check their own fields and place the messages in the user's language, so the browser's checks are off. */}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void onSubmit();
        }}
      >
        <Stack>
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy} data-testid={testId === undefined ? undefined : `submit-${testId}`}>
              {submitLabel ?? t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
