import { Text, type TextProps } from "@mantine/core";
import { snippetSegments } from "./snippetSegments.ts";

interface Props extends TextProps {
  snippet: string;
  ranges: readonly (readonly [number, number])[];
}

// Dark text on the light yellow keeps the marked words above the 4.5:1 contrast WCAG AA asks for.
const markStyle = { backgroundColor: "var(--mantine-color-yellow-2)", color: "var(--mantine-color-black)", padding: 0, borderRadius: 2 };

/** A search snippet with the matched words in <mark>: rendered as text nodes, so no markup from a text ever runs. */
export function HighlightedSnippet({ snippet, ranges, ...props }: Props) {
  return (
    <Text {...props}>
      {snippetSegments(snippet, ranges).map((segment, index) =>
        segment.marked ? (
          <mark key={index} style={markStyle}>
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </Text>
  );
}
