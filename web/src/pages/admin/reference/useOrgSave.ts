import { api, apiNoContent } from "../../../api/client.ts";
import { useSave } from "../../../hooks/useSave.ts";
import { deleteWithNotice } from "../../../lib/deleteWithNotice.ts";
import { useReference } from "../../../reference/useReference.ts";

/** Saving and deleting bodies, units and positions; the reference snapshot is reloaded after each change. */
export function useOrgSave() {
  const { reload } = useReference();
  const { busy, save: run } = useSave();

  function save<F extends string>(path: string, id: string | null, body: unknown, fields: readonly F[]): Promise<Partial<Record<F, string>> | null> {
    return run(async () => {
      await api<unknown>(id ? `${path}/${id}` : path, { method: id ? "PUT" : "POST", json: body });
      await reload();
    }, fields);
  }

  function remove(path: string, id: string): Promise<void> {
    return deleteWithNotice(async () => {
      await apiNoContent(`${path}/${id}`, { method: "DELETE" });
      await reload();
    });
  }

  return { busy, save, remove };
}
