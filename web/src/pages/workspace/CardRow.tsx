import { Text } from "@mantine/core";
import type { ReactNode } from "react";

/** One labelled value of the citizen card; a dash when there is none. */
export function CardRow({ label, children, dimmed = false }: { label: string; children: ReactNode; dimmed?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size={dimmed ? "xs" : "sm"} c={dimmed ? "dimmed" : undefined} fs={dimmed ? "italic" : undefined} style={{ overflowWrap: "anywhere" }}>
        {children === null || children === undefined || children === "" ? "—" : children}
      </Text>
    </div>
  );
}
