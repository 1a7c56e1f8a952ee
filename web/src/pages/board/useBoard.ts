import type { BoardDto } from "@bailanys/common/api/contacts";
import { useCallback, useEffect, useState } from "react";
import { api, ApiError, isAbort } from "../../api/client.ts";
import type { SocketStatus, StaffSocket } from "../../realtime/staffSocket.ts";

/** How often the board is fetched over HTTP while live frames are not arriving. */
export const POLL_MS = 5_000;

export interface BoardState {
  board: BoardDto | null;
  /** The server's clock minus this device's (ms), from the board's own timestamp: waits tick in server time. */
  skew: number;
  /** Board frames arrive over the socket; when false the board is being refreshed every POLL_MS instead. */
  live: boolean;
  error: string | null;
}

/** The live board: GET /board at once, then the socket's board frames, with polling while they do not come. */
export function useBoard(socket: StaffSocket, status: SocketStatus): BoardState {
  const [board, setBoard] = useState<BoardDto | null>(null);
  const [skew, setSkew] = useState(0);
  const [framesSeen, setFramesSeen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const apply = useCallback((next: BoardDto) => {
    setBoard(next);
    setSkew(Date.parse(next.at) - Date.now());
    setError(null);
  }, []);

  const load = useCallback(
    (signal?: AbortSignal) => {
      api<BoardDto>("/board", { signal })
        .then(apply)
        .catch((failure: unknown) => {
          if (!isAbort(failure)) {
            setError(failure instanceof ApiError ? failure.message : String(failure));
          }
        });
    },
    [apply],
  );

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load]);

  useEffect(() => {
    const stopFrames = socket.onFrame((frame) => {
      if (frame.type === "board") {
        apply(frame.board);
        setFramesSeen(true);
      }
    });
    const stopWatching = socket.watchBoard();
    // After a drop the frames must prove themselves again: until the first one, the board is polled.
    const stopStatus = socket.onStatus((next) => {
      if (next !== "online") {
        setFramesSeen(false);
      }
    });
    return () => {
      stopFrames();
      stopWatching();
      stopStatus();
    };
  }, [socket, apply]);

  const live = status === "online" && framesSeen;
  useEffect(() => {
    if (live) {
      return;
    }
    const timer = window.setInterval(() => load(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [live, load]);

  return { board, skew, live, error };
}
