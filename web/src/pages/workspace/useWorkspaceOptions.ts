import type { WorkspaceOptions } from "@bailanys/common/api/contacts";
import { useCallback, useEffect, useState } from "react";
import { api, isAbort } from "../../api/client.ts";
import { notifyError } from "../../lib/notifyError.ts";

const EMPTY: WorkspaceOptions = { queues: [], wrapupCodes: [], notReadyReasons: [], cannedReplies: [], colleagues: [] };

/** Queues, wrap-up codes, not-ready reasons, canned replies and colleagues; reload() refreshes colleagues' presence. */
export function useWorkspaceOptions(): { options: WorkspaceOptions; reload: () => Promise<void> } {
  const [options, setOptions] = useState<WorkspaceOptions>(EMPTY);

  const reload = useCallback(async (signal?: AbortSignal) => {
    try {
      setOptions(await api<WorkspaceOptions>("/agent/workspace-options", { signal }));
    } catch (error) {
      if (!isAbort(error)) {
        notifyError(error);
      }
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  return { options, reload: useCallback(() => reload(), [reload]) };
}
