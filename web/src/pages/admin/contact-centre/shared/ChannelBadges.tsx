import { Badge, Group } from "@mantine/core";

interface Props {
  codes: readonly string[];
  /** A channel's name (useRoutingOptions' channelName). */
  channelName: (code: string) => string;
}

/** Channels as a row of grey badges. */
export function ChannelBadges({ codes, channelName }: Props) {
  return (
    <Group gap={4}>
      {codes.map((c) => (
        <Badge key={c} variant="light" color="gray">
          {channelName(c)}
        </Badge>
      ))}
    </Group>
  );
}
