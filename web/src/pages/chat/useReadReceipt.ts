import { useEffect, useRef } from "react";
import { chatApi, type ChatCredentials } from "./chatApi.ts";

/**
 * Tells the operator how far the citizen has read: the newest seq on screen, but only while the page is
 * actually visible (a chat in a background tab has not been read).
 */
export function useReadReceipt(chat: ChatCredentials | null, seq: number): void {
  const sent = useRef(0);

  useEffect(() => {
    sent.current = 0;
  }, [chat?.contactId]);

  useEffect(() => {
    if (chat === null || seq === 0) {
      return undefined;
    }
    const report = () => {
      if (document.visibilityState !== "visible" || seq <= sent.current) {
        return;
      }
      sent.current = seq;
      chatApi.read(chat, seq).catch(() => {
        // A lost receipt only delays the operator's "read" mark; the next one carries a higher seq anyway.
        sent.current = 0;
      });
    };
    // A short pause lets a burst of entries (a replay after reconnecting) end in one receipt.
    const timer = window.setTimeout(report, 400);
    document.addEventListener("visibilitychange", report);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener("visibilitychange", report);
    };
  }, [chat, seq]);
}
