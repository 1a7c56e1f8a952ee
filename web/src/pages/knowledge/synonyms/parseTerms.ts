/** The terms of a synonym group typed as commas or lines: trimmed, blanks and repeats (ignoring case) dropped. */
export function parseTerms(text: string): string[] {
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const raw of text.split(/[,\n;]/)) {
    const term = raw.trim().replace(/\s+/g, " ");
    const key = term.toLocaleLowerCase();
    if (term !== "" && !seen.has(key)) {
      seen.add(key);
      terms.push(term);
    }
  }
  return terms;
}
