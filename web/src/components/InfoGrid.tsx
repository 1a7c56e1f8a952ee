import { SimpleGrid, Text } from "@mantine/core";
import type { ReactNode } from "react";

export interface InfoItem {
  label: string;
  value: ReactNode;
  /** Spans the whole width (long texts). */
  wide?: boolean;
}

/** Label-over-value pairs in a responsive grid. */
export function InfoGrid({ items }: { items: InfoItem[] }) {
  return (
    <SimpleGrid cols={{ base: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
      {items.map((item) => (
        <div key={item.label} style={item.wide ? { gridColumn: "1 / -1" } : undefined}>
          <Text size="xs" c="dimmed">
            {item.label}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {item.value === null || item.value === undefined || item.value === "" ? "—" : item.value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
