import type { DiffPartDto } from "@bailanys/common/api/kb";
import { Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";

const ADDED = { background: "var(--mantine-color-teal-1)", color: "var(--mantine-color-teal-9)", textDecoration: "underline" } as const;
const REMOVED = { background: "var(--mantine-color-red-1)", color: "var(--mantine-color-red-9)", textDecoration: "line-through" } as const;

/**
 * Word-level changes: added text underlined in green, removed text struck through in red, as <ins> and <del>
 * with the words "added"/"removed" for screen readers, so the change never rests on colour alone.
 */
export function DiffText({ parts }: { parts: readonly DiffPartDto[] }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" style={{ whiteSpace: "pre-wrap" }} component="div">
      {parts.map((part, i) => {
        switch (part.kind) {
          case "same":
            return <span key={i}>{part.text}</span>;
          case "added":
            return (
              <ins key={i} style={ADDED} data-kind="added">
                <VisuallyHidden>{`[${t("kbEditor.diff.added")}: `}</VisuallyHidden>
                {part.text}
                <VisuallyHidden>]</VisuallyHidden>
              </ins>
            );
          case "removed":
            return (
              <del key={i} style={REMOVED} data-kind="removed">
                <VisuallyHidden>{`[${t("kbEditor.diff.removed")}: `}</VisuallyHidden>
                {part.text}
                <VisuallyHidden>]</VisuallyHidden>
              </del>
            );
        }
      })}
    </Text>
  );
}
