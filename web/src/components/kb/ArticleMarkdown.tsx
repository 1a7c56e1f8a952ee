import { Anchor, Typography } from "@mantine/core";
import type { ReactNode } from "react";
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

interface Props {
  body: string;
  /** The level of the page's own title: the article's headings start one below, so the outline stays in order. */
  titleLevel?: 1 | 2 | 3;
  /** Smaller text beside a conversation; the portal reads at the normal size. */
  compact?: boolean;
}

type Level = 2 | 3 | 4 | 5 | 6;

function heading(level: Level) {
  const Tag = `h${level}` as const;
  return function Heading({ children }: { children?: ReactNode }) {
    return <Tag>{children}</Tag>;
  };
}

function components(titleLevel: number): Components {
  const at = (depth: number): Level => Math.min(6, Math.max(2, titleLevel + depth)) as Level;
  return {
    h1: heading(at(1)),
    h2: heading(at(2)),
    h3: heading(at(3)),
    h4: heading(at(4)),
    h5: heading(at(4)),
    h6: heading(at(4)),
    // Links in an article lead away from the page: a new tab, and no access back to this window.
    a: ({ href, children }) => (
      <Anchor href={href} target="_blank" rel="noopener noreferrer nofollow">
        {children}
      </Anchor>
    ),
    // Pictures are not part of the knowledge base's texts; a stray one must not load from elsewhere.
    img: ({ alt }) => <span>{alt}</span>,
  };
}

/**
 * An article's Markdown (with tables and lists of GitHub's flavour). Raw HTML in the text is dropped and unsafe
 * link schemes are removed by react-markdown, so an article can never run code in the reader's page.
 */
export function ArticleMarkdown({ body, titleLevel = 1, compact = false }: Props) {
  return (
    <Typography fz={compact ? "sm" : undefined}>
      <Markdown remarkPlugins={[remarkGfm]} skipHtml components={components(titleLevel)}>
        {body}
      </Markdown>
    </Typography>
  );
}
