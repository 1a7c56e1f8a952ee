import type { ErrorCode } from "@bailanys/common/errors";
import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { IconAlertTriangle, IconArrowLeft, IconPhoneOff, IconPhoneOutgoing } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, ApiError, apiNoContent } from "../../api/client.ts";
import { useLocale } from "../../i18n/useLocale.ts";
import { errorText } from "../../lib/errorText.ts";
import { notifyError, notifySuccess } from "../../lib/notifyError.ts";
import { dialBody, dialProblems, doNotCallBody, doNotCallProblems, NOTE_MAX, placeFailure, REASON_MAX } from "./dialForm.ts";

type Field = "reason" | "phone" | "note";

interface Props {
  /** Where the call is asked for: a conversation's (`/contacts/{id}/dial`) or an appeal's (`/appeals/{id}/dial`). */
  path: string;
  /** The number called when none is typed, when the user may see it. */
  suggested: string | null;
  /** Said once the call is asked for; by default that the operator's phone rings first. */
  doneText?: string;
  onClose: () => void;
  /** The call was asked for (the dialog closes itself). */
  onPlaced?: () => void;
}

/**
 * Calls the citizen of the conversation or the appeal: the operator's phone rings first, then the citizen's. Or,
 * when the citizen asks for it, puts their number on the do-not-call list after a confirmation (R13.4).
 */
export function DialModal({ path, suggested, doneText, onClose, onPlaced }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [step, setStep] = useState<"dial" | "doNotCall">("dial");
  const [reason, setReason] = useState("");
  const [phone, setPhone] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  // A refusal is an answer to read and act on (say, outside the calling hours), not a notice that vanishes.
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (work: () => Promise<unknown>, fields: readonly Field[], success: string, then?: () => void) => {
    setBusy(true);
    setRefused(null);
    try {
      await work();
      notifySuccess(success);
      onClose();
      then?.();
    } catch (error) {
      if (error instanceof ApiError) {
        const placed = placeFailure(error, fields);
        setErrors(placed.fields);
        setRefused(placed.message);
      } else {
        setErrors(notifyError(error, fields));
      }
      setBusy(false);
    }
  };

  /** Shows what the browser found wrong; true when nothing was. */
  const check = (found: Partial<Record<Field, ErrorCode>>): boolean => {
    setErrors(Object.fromEntries(Object.entries(found).map(([field, code]) => [field, errorText(code, locale)])));
    setRefused(null);
    return Object.keys(found).length === 0;
  };

  const dial = () => {
    if (check(dialProblems(reason, phone))) {
      void send(() => api<{ id: string }>(path, { method: "POST", json: dialBody(reason, phone) }), ["reason", "phone"], doneText ?? t("workspace.dial.done"), onPlaced);
    }
  };

  const doNotCall = () => {
    if (check(doNotCallProblems(phone, note))) {
      void send(() => apiNoContent("/calls/do-not-call", { method: "POST", json: doNotCallBody(phone, note) }), ["phone", "note"], t("workspace.dial.doNotCallDone"));
    }
  };

  const goTo = (next: "dial" | "doNotCall") => {
    // The number to stop calling is spelled out for the confirmation: the list has no default for it.
    if (next === "doNotCall" && phone.trim() === "" && suggested !== null) {
      setPhone(suggested);
    }
    setErrors({});
    setRefused(null);
    setStep(next);
  };

  const phoneInput = (
    <TextInput
      label={t(step === "dial" ? "workspace.dial.phone" : "workspace.dial.doNotCallPhone")}
      description={step === "dial" ? (suggested === null ? t("workspace.dial.phoneHintNone") : t("workspace.dial.phoneHint", { phone: suggested })) : undefined}
      placeholder={step === "dial" ? (suggested ?? undefined) : undefined}
      value={phone}
      onChange={(e) => setPhone(e.currentTarget.value)}
      error={errors.phone}
      type="tel"
      autoComplete="off"
      maxLength={30}
      required={step === "doNotCall"}
      data-testid="dial-phone"
    />
  );

  return (
    <Modal opened onClose={onClose} title={t(step === "dial" ? "workspace.dial.title" : "workspace.dial.doNotCallTitle")} closeButtonProps={{ "aria-label": t("common.close") }} data-testid="modal-dial">
      {/* The checks above speak the user's language; the browser's own would not, so they are off. */}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (step === "dial") {
            dial();
          } else {
            doNotCall();
          }
        }}
      >
        <Stack gap="sm">
          {step === "dial" ? (
            <>
              <Textarea
                label={t("workspace.dial.reason")}
                description={t("workspace.dial.reasonHint")}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={errors.reason}
                required
                autosize
                minRows={2}
                maxRows={5}
                maxLength={REASON_MAX}
                data-autofocus
                data-testid="dial-reason"
              />
              {phoneInput}
            </>
          ) : (
            <>
              <Text size="sm">{t("workspace.dial.doNotCallText")}</Text>
              {phoneInput}
              <Textarea
                label={t("workspace.dial.note")}
                description={t("workspace.dial.noteHint")}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                error={errors.note}
                autosize
                minRows={2}
                maxRows={5}
                maxLength={NOTE_MAX}
                data-testid="do-not-call-note"
              />
            </>
          )}
          {refused !== null && (
            <Alert color="red" variant="light" p="xs" icon={<IconAlertTriangle size={16} aria-hidden />} role="alert" data-testid="dial-error">
              <Text size="sm">{refused}</Text>
            </Alert>
          )}
          {step === "dial" ? (
            <Group justify="space-between">
              <Button variant="subtle" color="red" size="xs" leftSection={<IconPhoneOff size={14} aria-hidden />} onClick={() => goTo("doNotCall")} disabled={busy} data-testid="dial-do-not-call">
                {t("workspace.dial.doNotCall")}
              </Button>
              <Group gap="xs">
                <Button variant="default" onClick={onClose}>
                  {t("common.cancel")}
                </Button>
                <Button type="submit" leftSection={<IconPhoneOutgoing size={16} aria-hidden />} loading={busy} data-testid="submit-dial">
                  {t("workspace.dial.submit")}
                </Button>
              </Group>
            </Group>
          ) : (
            <Group justify="flex-end" gap="xs">
              <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={() => goTo("dial")} disabled={busy}>
                {t("workspace.dial.back")}
              </Button>
              <Button type="submit" color="red" leftSection={<IconPhoneOff size={16} aria-hidden />} loading={busy} data-testid="submit-do-not-call">
                {t("workspace.dial.doNotCallSubmit")}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Modal>
  );
}
