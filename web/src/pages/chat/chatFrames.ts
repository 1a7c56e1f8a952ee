import type { ServerFrame } from "@bailanys/common/api/contacts";
import type { ChatAction } from "./chatReducer.ts";

/** What a socket frame changes in the chat's state; null for frames of no interest to the citizen's page. */
export function actionForFrame(frame: ServerFrame, contactId: string): ChatAction | null {
  switch (frame.type) {
    case "log":
      return frame.contactId === contactId ? { type: "log", entries: frame.entries } : null;
    case "status":
      return frame.status.contactId === contactId ? { type: "status", status: frame.status } : null;
    case "typing":
      return frame.who === "agent" && frame.contactId === contactId ? { type: "typing", on: true } : null;
    case "receipt":
      return frame.who === "agent" && frame.contactId === contactId ? { type: "receipt", read: frame.read } : null;
    case "ready":
    case "error":
    case "pong":
    case "agent":
    case "offer":
    case "contact":
    case "board":
    case "kb":
      return null;
  }
}
