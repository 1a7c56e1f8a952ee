import type { KbFacts } from "../../db/schema-kb.ts";

/** One translation as a Markdown file: a front matter of plain `key: value` lines (lists as `- item`), then the text. */
export interface MarkdownArticle {
  code: string;
  locale: string;
  audience: string;
  category: string;
  tags: string[];
  title: string;
  body: string;
  facts: KbFacts;
  sourceTitle: string;
  sourceReference: string;
  sourceDate: string;
  validFrom: string;
  reviewBy: string;
}

const SCALARS = [
  ["code", "code"],
  ["locale", "locale"],
  ["audience", "audience"],
  ["category", "category"],
  ["source_title", "sourceTitle"],
  ["source_reference", "sourceReference"],
  ["source_date", "sourceDate"],
  ["valid_from", "validFrom"],
  ["review_by", "reviewBy"],
] as const;
const FACTS = ["description", "fee", "term"] as const;

const oneLine = (value: string): string => value.replace(/\s*\r?\n\s*/g, " ").trim();

/** Writes a translation as Markdown with its front matter; `parseMarkdownArticle` reads it back unchanged. */
export function renderMarkdownArticle(article: MarkdownArticle): string {
  const lines = ["---"];
  for (const [key, field] of SCALARS) {
    lines.push(`${key}: ${oneLine(article[field])}`);
  }
  lines.push("tags:", ...article.tags.map((tag) => `  - ${oneLine(tag)}`));
  for (const key of FACTS) {
    const value = article.facts[key];
    if (value) {
      lines.push(`${key}: ${oneLine(value)}`);
    }
  }
  if (article.facts.documents && article.facts.documents.length > 0) {
    lines.push("documents:", ...article.facts.documents.map((document) => `  - ${oneLine(document)}`));
  }
  lines.push("---", "", `# ${oneLine(article.title)}`, "", article.body.trim(), "");
  return lines.join("\n");
}

/** Reads a Markdown article; null when the file has no front matter or no title heading. */
export function parseMarkdownArticle(text: string): MarkdownArticle | null {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!match) {
    return null;
  }
  const meta = new Map<string, string>();
  const lists = new Map<string, string[]>();
  let list: string | null = null;
  for (const line of (match[1] ?? "").split(/\r?\n/)) {
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (item && list !== null) {
      lists.get(list)?.push((item[1] ?? "").trim());
      continue;
    }
    const pair = /^([a-z_]+):\s*(.*)$/.exec(line);
    if (pair) {
      const key = pair[1] ?? "";
      const value = (pair[2] ?? "").trim();
      if (value === "") {
        list = key;
        lists.set(key, []);
      } else {
        list = null;
        meta.set(key, value);
      }
    }
  }
  const content = (match[2] ?? "").trim();
  const heading = /^#\s+(.+)\r?\n?/.exec(content);
  if (!heading) {
    return null;
  }
  const facts: KbFacts = {};
  for (const key of FACTS) {
    const value = meta.get(key);
    if (value) {
      facts[key] = value;
    }
  }
  const documents = lists.get("documents") ?? [];
  if (documents.length > 0) {
    facts.documents = documents;
  }
  const value = (key: string) => meta.get(key) ?? "";
  return {
    code: value("code"),
    locale: value("locale"),
    audience: value("audience"),
    category: value("category"),
    tags: lists.get("tags") ?? [],
    title: (heading[1] ?? "").trim(),
    body: content.slice(heading[0].length).trim(),
    facts,
    sourceTitle: value("source_title"),
    sourceReference: value("source_reference"),
    sourceDate: value("source_date"),
    validFrom: value("valid_from"),
    reviewBy: value("review_by"),
  };
}
