import { useCallback, useEffect, useReducer, useRef } from "react";
import type { LogEntryDto } from "@bailanys/common/api/contacts";
import { api, isAbort } from "../../api/client.ts";
import { notifyError } from "../../lib/notifyError.ts";
import type { StaffSocket } from "../../realtime/staffSocket.ts";
import { lastSeq, logsReducer, type ContactLogs } from "./contactLogs.ts";
import { fetchLog } from "./fetchLog.ts";

interface Follow {
  controller: AbortController;
  stop: (() => void) | null;
}

export interface ContactLogsValue {
  logs: ContactLogs;
  /** Adds entries the window got another way (the answer to a POST). */
  merge: (contactId: string, entries: readonly LogEntryDto[]) => void;
  /** The operator is looking at the contact up to `seq`: it is read (and, when reporting, the citizen is told). */
  seen: (contactId: string, seq: number) => void;
}

/**
 * The logs of the given contacts: the first load over HTTP (paged), then the socket from the last seq held —
 * and after every reconnect again from the last seq held — so no entry is lost or shown twice.
 */
export function useContactLogs(socket: StaffSocket, contactIds: readonly string[], reportRead = false): ContactLogsValue {
  const [logs, dispatch] = useReducer(logsReducer, {});
  const logsRef = useRef(logs);
  const follows = useRef(new Map<string, Follow>());
  const reported = useRef(new Map<string, number>());
  const key = [...contactIds].sort().join(",");

  useEffect(() => {
    logsRef.current = logs;
  }, [logs]);

  useEffect(
    () =>
      socket.onFrame((frame) => {
        if (frame.type === "log") {
          dispatch({ type: "entries", contactId: frame.contactId, entries: frame.entries });
        } else if (frame.type === "typing" && frame.who === "citizen") {
          dispatch({ type: "typing", contactId: frame.contactId, at: Date.now() });
        } else if (frame.type === "receipt" && frame.who === "citizen") {
          dispatch({ type: "receipt", contactId: frame.contactId, delivered: frame.delivered, read: frame.read });
        }
      }),
    [socket],
  );

  useEffect(() => {
    const wanted = new Set(key === "" ? [] : key.split(","));
    const current = follows.current;
    for (const contactId of wanted) {
      if (current.has(contactId)) {
        continue;
      }
      const follow: Follow = { controller: new AbortController(), stop: null };
      current.set(contactId, follow);
      dispatch({ type: "open", contactId });
      fetchLog(contactId, 0, follow.controller.signal)
        .then((entries) => dispatch({ type: "loaded", contactId, entries }))
        .catch((error: unknown) => {
          if (!isAbort(error)) {
            notifyError(error);
            dispatch({ type: "loaded", contactId, entries: [] });
          }
        })
        .finally(() => {
          if (!follow.controller.signal.aborted) {
            follow.stop = socket.follow(contactId, () => lastSeq(logsRef.current[contactId]?.entries ?? []));
          }
        });
    }
    for (const [contactId, follow] of current) {
      if (!wanted.has(contactId)) {
        follow.controller.abort();
        follow.stop?.();
        current.delete(contactId);
      }
    }
    dispatch({ type: "keep", contactIds: [...wanted] });
  }, [key, socket]);

  useEffect(() => {
    const current = follows.current;
    return () => {
      for (const follow of current.values()) {
        follow.controller.abort();
        follow.stop?.();
      }
      current.clear();
    };
  }, [socket]);

  const merge = useCallback((contactId: string, entries: readonly LogEntryDto[]) => dispatch({ type: "entries", contactId, entries }), []);

  const seen = useCallback(
    (contactId: string, seq: number) => {
      dispatch({ type: "seen", contactId, seq });
      if (!reportRead || seq <= (reported.current.get(contactId) ?? 0)) {
        return;
      }
      reported.current.set(contactId, seq);
      api(`/contacts/${contactId}/read`, { method: "POST", json: { seq } }).catch(() => {
        // A lost receipt only delays the citizen's tick: forget it, so the next look reports it again.
        reported.current.delete(contactId);
      });
    },
    [reportRead],
  );

  return { logs, merge, seen };
}
