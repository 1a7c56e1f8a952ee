// Text helpers shared by knowledge-base indexing (server) and result display (web): words, plain text of an
// article, what a query may leave in analytics, and the snippet shown under a result.

// Soft hyphens and zero-width characters pasted from Word or PDFs must not split or glue words.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const WORD = /[\p{Script=Cyrillic}\p{Script=Latin}\p{Nd}]+/gu;

/** The letters only Kazakh has (lower case): a word without any may be Kazakh typed on a Russian keyboard. */
export const KAZAKH_LETTERS = /[әғқңөұүһі]/;

function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/ё/g, "е");
}

/** Lower-case words of a text (Cyrillic incl. Kazakh, Latin, digits), ё as е; hyphenated words give their parts. */
export function tokenize(text: string): string[] {
  return Array.from(text.normalize("NFC").replace(INVISIBLE, "").matchAll(WORD), (m) => normalizeWord(m[0]));
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;
const RULE_OR_SETEXT = /^\s{0,3}([-*_=])(\s*\1){2,}\s*$/;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*\S+/;

// Escaped punctuation is parked in the Private Use Area so that no rule below takes it for a marker.
const ESCAPED = /\\([\\`*_{}[\]()#+\-.!|~<>])/g;
const PARKED = /[\ue000-\ue07f]/g;

// Inline Markdown of one line, in an order where earlier steps cannot be undone by later ones.
function inlineText(line: string): string {
  return (
    line
      .replace(ESCAPED, (_, c: string) => String.fromCharCode(0xe000 + c.charCodeAt(0)))
      .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
      .replace(/!\[[^\]]*\]\[[^\]]*\]/g, "")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
      .replace(/\[\^[^\]]+\]/g, "")
      .replace(/<((?:https?:\/\/|mailto:)[^>\s]+|[^>\s@]+@[^>\s]+)>/g, "$1")
      .replace(/<!--.*?-->/g, "")
      .replace(/<\/?[a-zA-Z][^>]*>/g, " ")
      .replace(/`+([^`]*)`+/g, "$1")
      .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
      .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, "$1")
      .replace(/\*(?=\S)(.+?)(?<=\S)\*/g, "$1")
      // An underscore inside a word (snake_case) is not emphasis.
      .replace(/(^|[^\p{L}\p{N}])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}])/gu, "$1$2")
      .replace(PARKED, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000))
  );
}

// Block markers at the start of a line: quotes, headings, list bullets and numbers, task boxes.
function blockText(line: string): string {
  return line
    .replace(/^\s*(>\s?)+/, "")
    .replace(/^\s{0,3}#{1,6}\s+/, "")
    .replace(/\s+#+\s*$/, "")
    .replace(/^\s*([-*+]|\d{1,9}[.)])\s+(\[[ xX]\]\s+)?/, "");
}

function tableRow(line: string): string {
  const cells = line.trim().replace(/^\|/, "").replace(/(?<!\\)\|$/, "").split(/(?<!\\)\|/);
  return cells.map((cell) => inlineText(cell.trim())).filter((cell) => cell !== "").join(" · ");
}

/** Plain text of a Markdown body for indexing and snippets: link text kept, images dropped, code kept as text. */
export function markdownToPlainText(markdown: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const raw of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    const opener = FENCE.exec(raw)?.[1];
    if (fence !== null) {
      if (opener !== undefined && opener[0] === fence[0] && opener.length >= fence.length && raw.trim() === opener) {
        fence = null;
      } else {
        out.push(raw.trimEnd());
      }
      continue;
    }
    if (opener !== undefined) {
      fence = opener;
      continue;
    }
    if (RULE_OR_SETEXT.test(raw) || REFERENCE_DEFINITION.test(raw) || (raw.includes("|") && TABLE_DELIMITER.test(raw) && raw.includes("-"))) {
      continue;
    }
    const line = blockText(raw);
    out.push((line.includes("|") ? tableRow(line) : inlineText(line)).replace(/\s+/g, " ").trim());
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n").trim();
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// Digits with the separators people type inside phone numbers and ИИН: spaces, dashes, plus, brackets.
const DIGIT_RUN = /\+?\(?\d(?:[\s()+\-–—]{0,3}\d)*/g;
const MASK = "•••";

/** Query text safe for analytics: e-mails and runs of 6+ digits (ИИН, БИН, phones) become •••. */
export function maskPersonalData(query: string): string {
  return query.replace(EMAIL, MASK).replace(DIGIT_RUN, (run) => (run.replace(/\D/g, "").length >= 6 ? MASK : run));
}

interface Word {
  start: number;
  end: number;
  match: boolean;
}

export interface Highlight {
  snippet: string;
  ranges: [number, number][];
}

/**
 * The window of at most maxLength characters with the most matching words, cut at word boundaries with … at cut
 * ends, and the ranges of matching words in it; `matches` gets each word as tokenize gives it.
 */
export function highlight(text: string, matches: (word: string) => boolean, options: { maxLength: number }): Highlight {
  const { maxLength } = options;
  if (!Number.isInteger(maxLength) || maxLength < 3) {
    throw new RangeError(`maxLength must be an integer of at least 3, got ${maxLength}`);
  }
  const flat = text.normalize("NFC").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
  const words: Word[] = Array.from(flat.matchAll(WORD), (m) => ({
    start: m.index,
    end: m.index + m[0].length,
    match: matches(normalizeWord(m[0])),
  }));
  if (flat.length <= maxLength) {
    return { snippet: flat, ranges: rangesIn(words, 0, flat.length, 0) };
  }
  const best = bestWindow(words, maxLength);
  if (best === null || (best.count === 0 && best.first > 0)) {
    // The opening word alone is too long (a URL, say) and nothing else matters more: cut it hard.
    return { snippet: `${flat.slice(0, maxLength - 1)}…`, ranges: [] };
  }
  const start = best.first === 0 ? 0 : (words[best.first]?.start ?? 0);
  const last = words[best.last];
  const end = best.last === words.length - 1 && flat.length - start <= maxLength - (start > 0 ? 1 : 0) ? flat.length : (last?.end ?? flat.length);
  const before = start > 0 ? "…" : "";
  const after = end < flat.length ? "…" : "";
  return { snippet: before + flat.slice(start, end) + after, ranges: rangesIn(words, start, end, before.length) };
}

function rangesIn(words: readonly Word[], start: number, end: number, shift: number): [number, number][] {
  return words
    .filter((w) => w.match && w.start >= start && w.end <= end)
    .map((w): [number, number] => [w.start - start + shift, w.end - start + shift]);
}

// Two pointers over the words: for each first word, the most words that fit; the window with most matches wins,
// ties going to the one whose matches sit nearest its middle so that they have context on both sides.
function bestWindow(words: readonly Word[], maxLength: number): { first: number; last: number; count: number } | null {
  let best: { first: number; last: number; count: number; offCentre: number } | null = null;
  let last = -1;
  let count = 0;
  for (let first = 0; first < words.length; first += 1) {
    const head = words[first];
    if (head === undefined) {
      break;
    }
    const start = first === 0 ? 0 : head.start;
    // Room for a leading … when the window does not start the text, and a trailing one always (conservative).
    const room = maxLength - (start > 0 ? 1 : 0) - 1;
    if (last < first - 1) {
      last = first - 1;
    }
    for (let next = words[last + 1]; next !== undefined && next.end - start <= room; next = words[last + 1]) {
      last += 1;
      count += next.match ? 1 : 0;
    }
    if (last >= first) {
      const offCentre = matchOffCentre(words, first, last);
      if (best === null || count > best.count || (count === best.count && offCentre < best.offCentre)) {
        best = { first, last, count, offCentre };
      }
      count -= head.match ? 1 : 0;
    }
    // Later windows reaching the last word only lose words from the front.
    if (last === words.length - 1) {
      break;
    }
  }
  return best;
}

function matchOffCentre(words: readonly Word[], first: number, last: number): number {
  const inside = words.slice(first, last + 1).filter((w) => w.match);
  const a = inside[0];
  const b = inside[inside.length - 1];
  const from = words[first];
  const to = words[last];
  if (a === undefined || b === undefined || from === undefined || to === undefined) {
    return first;
  }
  return Math.abs(a.start - from.start - (to.end - b.end));
}
