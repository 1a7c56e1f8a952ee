import { useEffect, useState } from "react";
import { useSave } from "./useSave.ts";

/**
 * A list edited as a whole: rows change in a local draft, which can be reset to the saved list or sent in one
 * save. `saved` is undefined until the list has loaded; a new saved list (after any reload) replaces the draft.
 */
export function useListDraft<Row>(saved: Row[] | undefined, persist: (rows: Row[]) => Promise<unknown>) {
  const [draft, setDraft] = useState<Row[]>(saved ?? []);
  const { busy, save: run } = useSave();

  useEffect(() => {
    setDraft(saved ?? []);
  }, [saved]);

  // Rows are plain JSON from the API, so comparing their JSON is exact.
  const changed = JSON.stringify(draft) !== JSON.stringify(saved ?? []);

  return {
    draft,
    changed,
    busy,
    update: (index: number, patch: Partial<Row>) => setDraft((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row))),
    add: (row: Row) => setDraft((rows) => [...rows, row]),
    remove: (index: number) => setDraft((rows) => rows.filter((_, i) => i !== index)),
    reset: () => setDraft(saved ?? []),
    save: async () => {
      await run(() => persist(draft));
    },
  };
}
