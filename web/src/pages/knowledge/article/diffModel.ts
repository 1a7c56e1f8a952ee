import type { DiffPartDto, VersionDiffDto } from "@bailanys/common/api/kb";

/** The parts of a diff, neighbours of one kind joined, so a change reads as one marked run. */
export function mergeParts(parts: readonly DiffPartDto[]): DiffPartDto[] {
  const merged: DiffPartDto[] = [];
  for (const part of parts) {
    if (part.text === "") {
      continue;
    }
    const last = merged[merged.length - 1];
    if (last && last.kind === part.kind) {
      last.text += part.text;
    } else {
      merged.push({ ...part });
    }
  }
  return merged;
}

export const DIFF_SECTIONS = ["title", "body", "facts", "source"] as const;
export type DiffSection = (typeof DIFF_SECTIONS)[number];

/** The sections that changed, each with its merged parts; unchanged sections are left out. */
export function changedSections(diff: VersionDiffDto): { section: DiffSection; parts: DiffPartDto[] }[] {
  return DIFF_SECTIONS.map((section) => ({ section, parts: mergeParts(diff[section]) })).filter((s) => s.parts.some((p) => p.kind !== "same"));
}

/** How many words were added and removed, for the summary above the diff. */
export function diffCounts(diff: VersionDiffDto): { added: number; removed: number } {
  const words = (text: string) => text.split(/\s+/).filter((w) => w !== "").length;
  let added = 0;
  let removed = 0;
  for (const section of DIFF_SECTIONS) {
    for (const part of diff[section]) {
      if (part.kind === "added") {
        added += words(part.text);
      } else if (part.kind === "removed") {
        removed += words(part.text);
      }
    }
  }
  return { added, removed };
}
