import type { DiffPartDto, VersionDiffDto } from "@bailanys/common/api/kb";
import { FACT_LABELS } from "@bailanys/common/kb/fact-labels";
import type { Locale } from "@bailanys/common/locales";
import { diffArrays } from "diff";
import type { Db } from "../../db/database.ts";
import type { KbFacts } from "../../db/schema-kb.ts";
import { AppError } from "../../platform/app-error.ts";
import type { VersionRow } from "./kb.repository.ts";

/** Words (in any script: the library's own word splitting knows only Latin letters), spaces and punctuation. */
const TOKEN = /[\p{L}\p{N}]+|\s+|[^\p{L}\p{N}\s]+/gu;

/**
 * Word-level differences in runs a reader can follow (the web marks added and removed text): a change that spans
 * several words reads as one removed phrase and one added phrase, not as words interleaved with the spaces
 * between them.
 */
export function wordDiff(before: string, after: string): DiffPartDto[] {
  const changes = diffArrays(before.match(TOKEN) ?? [], after.match(TOKEN) ?? []).map((change) => ({
    kind: change.added ? ("added" as const) : change.removed ? ("removed" as const) : ("same" as const),
    text: change.value.join(""),
  }));
  const parts: DiffPartDto[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed !== "") {
      parts.push({ kind: "removed", text: removed });
    }
    if (added !== "") {
      parts.push({ kind: "added", text: added });
    }
    removed = "";
    added = "";
  };
  changes.forEach((change, index) => {
    const inChange = removed !== "" || added !== "";
    const next = changes[index + 1];
    if (change.kind === "removed") {
      removed += change.text;
    } else if (change.kind === "added") {
      added += change.text;
    } else if (inChange && next !== undefined && next.kind !== "same" && change.text.trim() === "") {
      // A space between two changed words belongs to both phrases.
      removed += change.text;
      added += change.text;
    } else {
      flush();
      parts.push({ kind: "same", text: change.text });
    }
  });
  flush();
  return parts;
}

function factsLines(facts: KbFacts, locale: Locale): string {
  const label = (fact: keyof typeof FACT_LABELS) => FACT_LABELS[fact][locale];
  return [
    facts.description ? `${label("description")}: ${facts.description}` : "",
    ...(facts.documents ?? []).map((document) => `${label("documents")}: ${document}`),
    facts.fee ? `${label("fee")}: ${facts.fee}` : "",
    facts.term ? `${label("term")}: ${facts.term}` : "",
  ]
    .filter((line) => line !== "")
    .join("\n");
}

function sourceLine(version: VersionRow): string {
  return [version.source_title, version.source_reference, version.source_date ?? ""].filter((part) => part !== "").join(" — ");
}

/** What changed between two versions of one translation: title, body, facts and the cited source. */
export async function diffVersions(db: Db, tenantId: string, fromId: string, toId: string, locale: Locale): Promise<VersionDiffDto> {
  const rows = await db.selectFrom("kb_versions").selectAll().where("tenant_id", "=", tenantId).where("id", "in", [fromId, toId]).execute();
  const from = rows.find((row) => row.id === fromId);
  const to = rows.find((row) => row.id === toId);
  if (!from || !to || from.article_id !== to.article_id || from.locale !== to.locale) {
    throw new AppError("NOT_FOUND");
  }
  return {
    from: from.number,
    to: to.number,
    title: wordDiff(from.title, to.title),
    body: wordDiff(from.body, to.body),
    facts: wordDiff(factsLines(from.facts, locale), factsLines(to.facts, locale)),
    source: wordDiff(sourceLine(from), sourceLine(to)),
  };
}
