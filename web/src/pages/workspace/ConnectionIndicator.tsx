import { Badge, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SocketStatus } from "../../realtime/staffSocket.ts";

/** Live, or a visible "reconnecting…" while the socket is down (what is on screen may be out of date). */
export function ConnectionIndicator({ status }: { status: SocketStatus }) {
  const { t } = useTranslation();
  if (status === "online") {
    return (
      <Badge color="teal" variant="dot" data-testid="connection-status" data-status={status}>
        {t("workspace.connection.online")}
      </Badge>
    );
  }
  return (
    <Badge color={status === "reconnecting" ? "red" : "gray"} variant="light" leftSection={<Loader size={10} color="currentColor" />} role="status" data-testid="connection-status" data-status={status}>
      {t(status === "reconnecting" ? "workspace.connection.reconnecting" : "workspace.connection.connecting")}
    </Badge>
  );
}
