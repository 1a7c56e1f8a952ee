import type { LogEntryDto } from "@bailanys/common/api/contacts";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { describeEvent } from "./chatEvents.ts";

/**
 * The text for the page's polite live region: the newest operator message or chat event. History loaded on
 * arrival is not read out, only what comes after, and never the citizen's own messages.
 */
export function useAnnouncement(entries: readonly LogEntryDto[]): string {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const seen = useRef<number | null>(null);

  useEffect(() => {
    const last = entries.at(-1)?.seq ?? 0;
    if (seen.current === null) {
      seen.current = last;
      return;
    }
    const fresh = entries.filter((e) => e.seq > (seen.current ?? 0));
    seen.current = Math.max(seen.current, last);
    const lines = fresh.flatMap((entry) => {
      if (entry.kind === "message" && entry.author === "agent") {
        const name = entry.authorName ?? t("chat.conversation.agentLabel");
        return [t("chat.conversation.newMessage", { name, text: entry.body ?? entry.attachment?.fileName ?? "" })];
      }
      if (entry.kind === "event") {
        const view = describeEvent(entry);
        if (view.kind === "text" && entry.author !== "citizen") {
          return [t(`chat.events.${view.key}`, { name: view.name ?? "" })];
        }
        if (view.kind === "appeal") {
          return [[t("chat.appeal.title"), view.number ?? ""].join(" ").trim()];
        }
      }
      return [];
    });
    if (lines.length > 0) {
      setText(lines.join(" "));
    }
  }, [entries, t]);

  return text;
}
