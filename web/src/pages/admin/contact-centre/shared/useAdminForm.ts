import type { ErrorCode } from "@bailanys/common/errors";
import { useState } from "react";
import { useSave } from "../../../../hooks/useSave.ts";
import { useLocale } from "../../../../i18n/useLocale.ts";
import { messagesOf, type FieldMessages, type OrphanCode } from "./fieldErrors.ts";
import { withPlacedFields } from "./withPlacedFields.ts";

interface Options<F> {
  initial: F | (() => F);
  /** The problems the form finds itself, keyed like the server's field paths. */
  validate: (form: F) => Record<string, ErrorCode>;
  /** The keys the form has inputs for: the server's messages for them go under the inputs, the rest to the notice. */
  fields: (form: F) => readonly string[];
  /** Sends the checked form and hands the answer on. */
  send: (form: F) => Promise<void>;
  /** Called once the form is saved (the dialog closes). */
  onDone: () => void;
  /** The notice when it worked, where "Saved" says too little. */
  success?: string;
  /** The form holds lists: a server path inside a value ("hours.3.0") goes to its nearest field (placeFields). */
  nested?: boolean;
  /** With `nested`: a failure's code that comes without a field, and the field to show it under. */
  orphan?: OrphanCode;
}

/**
 * A dialog form of this screen: its values, the messages under its inputs, and a submit that checks the form
 * first, then saves and places what the server found wrong on the same keys.
 */
export function useAdminForm<F extends object>({ initial, validate, fields, send, onDone, success, nested = false, orphan }: Options<F>) {
  const locale = useLocale();
  const [form, setForm] = useState<F>(initial);
  const [errors, setErrors] = useState<FieldMessages>({});
  const { busy, save } = useSave();

  const change = (patch: Partial<F>) => setForm((current) => ({ ...current, ...patch }));

  const submit = async () => {
    const found = validate(form);
    setErrors(messagesOf(found, locale));
    if (Object.keys(found).length > 0) {
      return;
    }
    const known = fields(form);
    const work = () => send(form);
    const placed = await save(nested ? () => withPlacedFields(work, known, orphan) : work, known, success);
    if (placed === null) {
      onDone();
    } else {
      setErrors(placed);
    }
  };

  return { form, change, errors, busy, submit };
}
