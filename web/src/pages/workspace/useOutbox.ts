import type { LogEntryDto } from "@bailanys/common/api/contacts";
import { useCallback, useState } from "react";
import { api } from "../../api/client.ts";
import { newUuid } from "../../lib/newUuid.ts";
import { notifyError } from "../../lib/notifyError.ts";
import type { UploadedFile } from "./uploadContactFile.ts";

/** A message the operator sent that the server has not confirmed yet. */
export interface PendingMessage {
  clientMsgId: string;
  text: string;
  /** A file already stored on the server that the message carries. */
  attachment: UploadedFile | null;
  failed: boolean;
}

export interface Outbox {
  pending: Readonly<Record<string, readonly PendingMessage[]>>;
  send: (contactId: string, text: string, attachment?: UploadedFile | null) => void;
  retry: (contactId: string, clientMsgId: string) => void;
  discard: (contactId: string, clientMsgId: string) => void;
}

/**
 * Sends the operator's messages. Each keeps its clientMsgId until it lands, so "send again" after a lost answer
 * cannot post it twice; the confirmed entry goes into the log through `onLanded`.
 */
export function useOutbox(onLanded: (contactId: string, entry: LogEntryDto) => void): Outbox {
  const [pending, setPending] = useState<Record<string, PendingMessage[]>>({});

  const change = useCallback((contactId: string, edit: (list: PendingMessage[]) => PendingMessage[]) => {
    setPending((all) => ({ ...all, [contactId]: edit(all[contactId] ?? []) }));
  }, []);

  const post = useCallback(
    (contactId: string, message: PendingMessage) => {
      change(contactId, (list) => [...list.filter((m) => m.clientMsgId !== message.clientMsgId), { ...message, failed: false }]);
      api<LogEntryDto>(`/contacts/${contactId}/messages`, { method: "POST", json: { text: message.text, clientMsgId: message.clientMsgId, ...(message.attachment ? { attachmentId: message.attachment.id } : {}) } })
        .then((entry) => {
          onLanded(contactId, entry);
          change(contactId, (list) => list.filter((m) => m.clientMsgId !== message.clientMsgId));
        })
        .catch((error: unknown) => {
          notifyError(error);
          change(contactId, (list) => list.map((m) => (m.clientMsgId === message.clientMsgId ? { ...m, failed: true } : m)));
        });
    },
    [change, onLanded],
  );

  const send = useCallback((contactId: string, text: string, attachment: UploadedFile | null = null) => post(contactId, { clientMsgId: newUuid(), text, attachment, failed: false }), [post]);

  const retry = useCallback(
    (contactId: string, clientMsgId: string) => {
      const message = pending[contactId]?.find((m) => m.clientMsgId === clientMsgId);
      if (message) {
        post(contactId, message);
      }
    },
    [pending, post],
  );

  const discard = useCallback((contactId: string, clientMsgId: string) => change(contactId, (list) => list.filter((m) => m.clientMsgId !== clientMsgId)), [change]);

  return { pending, send, retry, discard };
}
