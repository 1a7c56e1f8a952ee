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
  /** A data-testid on the form itself, for screens whose browser tests name the form ("queue-form"). */
  formTestId?: string;
  /** The submit button's data-testid when it is not "submit-…" ("queue-submit"). */
  submitTestId?: string;
}

/** An edit dialog: the fields in a form, then Cancel and a submit button that shows when the save is under way. */
export function FormModal({ opened, onClose, title, size, onSubmit, busy, submitLabel, children, testId, formTestId, submitTestId }: Props) {
  const { t } = useTranslation();
  const submitId = submitTestId ?? (testId === undefined ? undefined : `submit-${testId}`);
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} data-testid={testId === undefined ? undefined : `modal-${testId}`} closeButtonProps={{ "aria-label": t("common.close") }}>
      {/* The forms check their own fields and place the messages in the user's language, so the browser's checks are off. */}
      <form
        noValidate
        data-testid={formTestId}
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
            <Button type="submit" loading={busy} data-testid={submitId}>
              {submitLabel ?? t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
