import { useState } from "react";
import { VALUE_FIELD, type AppealFormErrors, type AppealFormValues } from "./appealForm.ts";

/** The registration form's values and errors; changing a value clears the error shown at its field. */
export function useAppealFormState(initial: () => AppealFormValues) {
  const [values, setValues] = useState<AppealFormValues>(initial);
  const [errors, setErrors] = useState<AppealFormErrors>({});
  const change = (patch: Partial<AppealFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((previous) => {
      const next = { ...previous };
      for (const key of Object.keys(patch) as (keyof AppealFormValues)[]) {
        delete next[VALUE_FIELD[key]];
      }
      return next;
    });
  };
  return { values, setValues, errors, setErrors, change };
}
