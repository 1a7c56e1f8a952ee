export interface SnippetSegment {
  text: string;
  marked: boolean;
}

/**
 * A search snippet cut into plain and marked parts by the server's [start, end) ranges. The ranges are sorted,
 * clipped to the text and merged, so overlapping or stray ones can never duplicate or lose a character.
 */
export function snippetSegments(snippet: string, ranges: readonly (readonly [number, number])[]): SnippetSegment[] {
  const clipped = ranges
    .map(([start, end]) => [Math.max(0, Math.min(start, snippet.length)), Math.max(0, Math.min(end, snippet.length))] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const segments: SnippetSegment[] = [];
  let at = 0;
  for (const [start, end] of clipped) {
    if (end <= at) {
      continue;
    }
    const from = Math.max(start, at);
    if (from > at) {
      segments.push({ text: snippet.slice(at, from), marked: false });
    }
    const last = segments[segments.length - 1];
    if (last?.marked && from === at) {
      last.text += snippet.slice(from, end);
    } else {
      segments.push({ text: snippet.slice(from, end), marked: true });
    }
    at = end;
  }
  if (at < snippet.length) {
    segments.push({ text: snippet.slice(at), marked: false });
  }
  return segments;
}
