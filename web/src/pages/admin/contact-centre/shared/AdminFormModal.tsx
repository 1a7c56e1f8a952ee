import { Button, Group, Modal, Stack, type ModalProps } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  onClose: () => void;
  title: ReactNode;
  size?: ModalProps["size"];
  onSubmit: () => Promise<void> | void;
  busy: boolean;
  submitLabel?: string;
  /** data-testid of the form, e.g. "queue-form"; its submit button gets `submitTestId`. */
  formTestId: string;
  submitTestId: string;
  children: ReactNode;
}

/**
 * FormModal's dialog (fields, Cancel, a submit that shows progress) with the test ids this screen's browser tests
 * use ("queue-form", "queue-submit"), which FormModal's fixed "modal-…"/"submit-…" naming cannot give.
 */
export function AdminFormModal({ onClose, title, size, onSubmit, busy, submitLabel, formTestId, submitTestId, children }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title} size={size} closeButtonProps={{ "aria-label": t("common.close") }}>
      {/* The forms check their own fields and word the messages in the user's language, so the browser's checks are off. */}
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
            <Button type="submit" loading={busy} data-testid={submitTestId}>
              {submitLabel ?? t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
