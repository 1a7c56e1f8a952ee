import type { ReferenceDto } from "@bailanys/common/api/reference";
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { api } from "../api/client.ts";
import { notifyError } from "../lib/notifyError.ts";
import { useSession } from "../session/useSession.ts";
import { ReferenceContext, type ReferenceValue } from "./ReferenceContext.ts";

/** Loads GET /reference once per signed-in user; every form and list reads its options from here. */
export function ReferenceProvider({ children }: { children: ReactNode }) {
  const { me, can } = useSession();
  const [reference, setReference] = useState<ReferenceDto | null>(null);
  const allowed = me !== null && can("reference.read");
  const userId = me?.id ?? null;

  const reload = useCallback(async () => {
    if (!allowed) {
      setReference(null);
      return;
    }
    try {
      setReference(await api<ReferenceDto>("/reference"));
    } catch (error) {
      notifyError(error);
    }
  }, [allowed]);

  useEffect(() => {
    setReference(null);
    void reload();
  }, [reload, userId]);

  const value = useMemo<ReferenceValue>(() => ({ reference, reload, replace: setReference }), [reference, reload]);
  return <ReferenceContext.Provider value={value}>{children}</ReferenceContext.Provider>;
}
