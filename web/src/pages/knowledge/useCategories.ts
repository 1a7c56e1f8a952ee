import { useCallback, useMemo } from "react";
import { useLocalizedName } from "../../i18n/useLocalizedName.ts";
import { classifierOptions } from "../../lib/classifierOptions.ts";
import { useReference } from "../../reference/useReference.ts";

/** The service classifier as select options ("code — name", tree order) and a name for an id. */
export function useCategories() {
  const { reference } = useReference();
  const name = useLocalizedName();
  const options = useMemo(() => classifierOptions(reference?.classifier ?? [], name).map(({ value, label }) => ({ value, label })), [reference, name]);
  const categoryName = useCallback(
    (id: string | null) => {
      if (id === null) {
        return "";
      }
      const item = reference?.classifier.find((c) => c.id === id);
      return item ? name(item) : "";
    },
    [reference, name],
  );
  return { options, categoryName };
}
