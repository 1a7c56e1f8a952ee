import type { ServerFrame } from "@bailanys/common/api/contacts";
import { useEffect, useState } from "react";
import type { StaffSocket } from "../../realtime/staffSocket.ts";

export type KbFrame = Extract<ServerFrame, { type: "kb" }>;

export interface KbFrames {
  /** Grows with every publication, so lists that depend on the knowledge base ask again. */
  revision: number;
  last: KbFrame | null;
}

/** Publications in the knowledge base as the staff socket reports them (R22: they reach open windows at once). */
export function useKbFrames(socket: StaffSocket): KbFrames {
  const [frames, setFrames] = useState<KbFrames>({ revision: 0, last: null });
  useEffect(
    () =>
      socket.onFrame((frame) => {
        if (frame.type === "kb") {
          setFrames((current) => ({ revision: current.revision + 1, last: frame }));
        }
      }),
    [socket],
  );
  return frames;
}
