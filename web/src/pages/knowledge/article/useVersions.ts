import type { VersionDto } from "@bailanys/common/api/kb";
import { useEffect, useState } from "react";
import { api } from "../../../api/client.ts";
import { notifyError } from "../../../lib/notifyError.ts";

/**
 * Full versions by id (the article's summaries lack the text and the reviewer's comment). `key` changes when
 * the article does, so a saved or reviewed version is fetched again.
 */
export function useVersions(ids: readonly string[], key: string) {
  const [versions, setVersions] = useState<Map<string, VersionDto> | null>(null);
  const joined = ids.join(",");

  useEffect(() => {
    const controller = new AbortController();
    const list = joined === "" ? [] : joined.split(",");
    Promise.all(list.map((id) => api<VersionDto>(`/kb/versions/${id}`, { signal: controller.signal })))
      .then((found) => setVersions(new Map(found.map((v) => [v.id, v]))))
      .catch((error: unknown) => notifyError(error));
    return () => controller.abort();
  }, [joined, key]);

  return versions;
}
