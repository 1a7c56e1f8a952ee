import type { ReactNode } from "react";
import { FormModal } from "../../../components/FormModal.tsx";

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
  return (
    <FormModal opened onClose={onClose} title={title} size="lg" onSubmit={onSubmit} busy={busy} submitLabel={submitLabel} testId={testId}>
      {children}
    </FormModal>
  );
}
