import { ActionIcon, Button, Group, Stack, Text } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { ReactNode } from "react";

/** What a row's inputs get besides the row itself. */
interface RowTools<T> {
  index: number;
  update: (patch: Partial<T>) => void;
  /** An input's label: shown on the first row only, as the column's heading; read out with the row's number on each. */
  labels: (text: string) => { label: string | undefined; "aria-label": string };
}

interface Props<T> {
  rows: readonly T[];
  onChange: (rows: T[]) => void;
  hint: string;
  /** Said while there are no rows. */
  none: string;
  rowTestId: string;
  /** The remove button's label for the row numbered from 1. */
  removeLabel: (n: number) => string;
  /** A problem of the list as a whole, shown under the rows. */
  error: string | undefined;
  addLabel: string;
  /** The row "Add" appends; null when no more can be added. */
  next: T | null;
  /** A row's inputs. */
  children: (row: T, tools: RowTools<T>) => ReactNode;
}

/** A short list edited in place: one line of inputs per row with its remove button, then "Add". */
export function EditableRows<T>({ rows, onChange, hint, none, rowTestId, removeLabel, error, addLabel, next, children }: Props<T>) {
  const update = (index: number, patch: Partial<T>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {hint}
      </Text>
      {rows.length === 0 && <Text size="sm">{none}</Text>}
      {rows.map((row, i) => (
        <Group key={i} align="flex-start" wrap="nowrap" data-testid={rowTestId}>
          {children(row, { index: i, update: (patch) => update(i, patch), labels: (text) => ({ label: i === 0 ? text : undefined, "aria-label": `${text} (${i + 1})` }) })}
          <ActionIcon variant="subtle" color="red" mt={i === 0 ? 28 : 4} aria-label={removeLabel(i + 1)} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      {error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
      <Group>
        <Button variant="default" size="xs" leftSection={<IconPlus size={14} aria-hidden />} disabled={next === null} onClick={() => next !== null && onChange([...rows, next])}>
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}
