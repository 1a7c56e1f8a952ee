import { Badge } from "@mantine/core";

interface Props {
  status: { code: string; name: string; color?: string };
  testId?: string;
  size?: "sm" | "md" | "lg";
}

/** A status with its configured colour; the name is always written, so colour is never the only signal. */
export function StatusBadge({ status, testId, size = "md" }: Props) {
  return (
    <Badge color={status.color ?? "gray"} variant="light" size={size} data-testid={testId} data-status={status.code}>
      {status.name}
    </Badge>
  );
}
