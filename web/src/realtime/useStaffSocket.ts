import { useEffect, useState } from "react";
import { StaffSocket, type SocketStatus } from "./staffSocket.ts";

export interface StaffSocketValue {
  socket: StaffSocket;
  status: SocketStatus;
}

/** One staff socket for the lifetime of a screen: opened on mount, closed on unmount, with its live status. */
export function useStaffSocket(): StaffSocketValue {
  const [socket] = useState(() => new StaffSocket());
  const [status, setStatus] = useState<SocketStatus>(socket.current);

  useEffect(() => {
    const stopListening = socket.onStatus(setStatus);
    socket.start();
    return () => {
      stopListening();
      socket.stop();
    };
  }, [socket]);

  return { socket, status };
}
