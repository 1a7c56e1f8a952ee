import { Button, Group, Modal, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  title: string;
  submitLabel: string;
  busy: boolean;
  onClose: () => void;
  onSubmit: () => void;
  children: ReactNode;
  /** Buttons and modals carry data-testid="action-…" and "modal-…" for browser tests. */
  testId: string;
}

/** The frame every appeal action shares: a titled dialog with a form, Cancel and the action's own button. */
export function ActionModal({ title, submitLabel, busy, onClose, onSubmit, children, testId }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title} size="lg" data-testid={`modal-${testId}`} closeButtonProps={{ "aria-label": t("common.close") }}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <Stack>
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={busy} data-testid={`submit-${testId}`}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
