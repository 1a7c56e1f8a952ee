import type { AgentSnapshot, AgentStateBody } from "@bailanys/common/api/contacts";
import { ActionIcon, Button, Group, Menu, Paper, Text, Tooltip } from "@mantine/core";
import { IconChevronDown, IconCircleCheck, IconCoffee, IconPower, IconVolume, IconVolumeOff } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useNow } from "../../realtime/useNow.ts";
import type { SocketStatus } from "../../realtime/staffSocket.ts";
import { ConnectionIndicator } from "./ConnectionIndicator.tsx";
import { formatDuration, secondsSince } from "./durations.ts";
import { PresenceBadge } from "./PresenceBadge.tsx";

interface Props {
  snapshot: AgentSnapshot;
  reasons: { code: string; name: string }[];
  switching: boolean;
  onSwitch: (body: AgentStateBody) => void;
  muted: boolean;
  onToggleMuted: () => void;
  status: SocketStatus;
}

/** The operator's top bar: status switch (ready / not ready with a reason / offline), time in status, sound, connection. */
export function AgentStateBar({ snapshot, reasons, switching, onSwitch, muted, onToggleMuted, status }: Props) {
  const { t } = useTranslation();
  const now = useNow();
  const since = secondsSince(snapshot.stateSince, now) ?? 0;
  const noProfile = snapshot.profile === null;
  const current = snapshot.state;

  return (
    <Paper withBorder p="xs" px="sm">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="wrap">
          <Group gap={6} wrap="nowrap" data-testid="agent-state" data-state={current} data-presence={snapshot.presence} aria-live="polite">
            <Text size="sm" c="dimmed">
              {t("workspace.state.label")}:
            </Text>
            <PresenceBadge presence={snapshot.presence} />
            {snapshot.reason && (
              <Text size="sm" fw={500}>
                {snapshot.reason.name}
              </Text>
            )}
            <Text size="sm" c="dimmed" ff="monospace">
              {t("workspace.state.since", { time: formatDuration(since) })}
            </Text>
          </Group>
          <Button.Group>
            <Button
              size="xs"
              variant={current === "ready" ? "filled" : "default"}
              color="teal"
              leftSection={<IconCircleCheck size={14} aria-hidden />}
              onClick={() => onSwitch({ state: "ready" })}
              disabled={noProfile || switching}
              aria-pressed={current === "ready"}
              data-testid="agent-state-ready"
            >
              {t("workspace.state.ready")}
            </Button>
            <Menu position="bottom-start" withinPortal>
              <Menu.Target>
                <Button
                  size="xs"
                  variant={current === "not_ready" ? "filled" : "default"}
                  color="yellow.8"
                  leftSection={<IconCoffee size={14} aria-hidden />}
                  rightSection={<IconChevronDown size={14} aria-hidden />}
                  disabled={noProfile || switching}
                  aria-pressed={current === "not_ready"}
                  data-testid="agent-state-not-ready"
                >
                  {t("workspace.state.not_ready")}
                </Button>
              </Menu.Target>
              <Menu.Dropdown aria-label={t("workspace.state.reasonMenu")}>
                <Menu.Label>{t("workspace.state.reasonMenu")}</Menu.Label>
                {reasons.map((reason) => (
                  <Menu.Item key={reason.code} onClick={() => onSwitch({ state: "not_ready", reasonCode: reason.code })} data-testid="agent-reason" data-code={reason.code}>
                    {reason.name}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            <Button
              size="xs"
              variant={current === "offline" ? "filled" : "default"}
              color="gray"
              leftSection={<IconPower size={14} aria-hidden />}
              onClick={() => onSwitch({ state: "offline" })}
              disabled={noProfile || switching}
              aria-pressed={current === "offline"}
              data-testid="agent-state-offline"
            >
              {t("workspace.state.offline")}
            </Button>
          </Button.Group>
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Tooltip label={muted ? t("workspace.sound.unmute") : t("workspace.sound.mute")}>
            <ActionIcon variant="default" onClick={onToggleMuted} aria-pressed={muted} aria-label={muted ? t("workspace.sound.unmute") : t("workspace.sound.mute")} data-testid="offer-sound">
              {muted ? <IconVolumeOff size={16} aria-hidden /> : <IconVolume size={16} aria-hidden />}
            </ActionIcon>
          </Tooltip>
          <ConnectionIndicator status={status} />
        </Group>
      </Group>
    </Paper>
  );
}
