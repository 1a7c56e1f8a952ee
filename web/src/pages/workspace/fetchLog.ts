import type { LogEntryDto, LogPage } from "@bailanys/common/api/contacts";
import { api } from "../../api/client.ts";

/** A runaway guard: 50 pages of 200 entries is far beyond any real conversation. */
const MAX_PAGES = 50;

/** The contact's log after `since`, asking page after page (≤200 entries each) until it has caught up. */
export async function fetchLog(contactId: string, since: number, signal: AbortSignal): Promise<LogEntryDto[]> {
  const entries: LogEntryDto[] = [];
  let from = since;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await api<LogPage>(`/contacts/${contactId}/log`, { query: { since: from }, signal });
    entries.push(...result.entries);
    const last = result.entries.at(-1)?.seq ?? from;
    if (result.entries.length === 0 || last >= result.lastSeq) {
      break;
    }
    from = last;
  }
  return entries;
}
