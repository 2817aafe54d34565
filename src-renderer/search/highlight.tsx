// Matches of the current search, marked in list titles and in the reader.
import { Fragment, type ReactNode } from 'react';
import { highlightRanges, parseQuery, type Query } from '../../src-shared/query';

export function parsedOrNull(text: string): Query | null {
  if (!text.trim()) return null;
  const parsed = parseQuery(text);
  return parsed.ok ? parsed.query : null;
}

/** Plain text with <mark> around matches; feed text stays text (React escapes it). */
export function Highlighted({ text, query, field, language }: { text: string; query: Query | null; field: 'title' | 'text'; language: string | null }): ReactNode {
  if (!query) return text;
  const ranges = highlightRanges(query, text, { field, language });
  if (ranges.length === 0) return text;
  const parts: ReactNode[] = [];
  let at = 0;
  ranges.forEach((range, index) => {
    if (range.start > at) parts.push(<Fragment key={`t${index}`}>{text.slice(at, range.start)}</Fragment>);
    parts.push(<mark key={`m${index}`}>{text.slice(range.start, range.end)}</mark>);
    at = range.end;
  });
  if (at < text.length) parts.push(<Fragment key="rest">{text.slice(at)}</Fragment>);
  return <>{parts}</>;
}

/** Marks matches inside already sanitised HTML, touching text nodes only. */
export function highlightHtml(html: string, query: Query | null, language: string | null): string {
  if (!query) return html;
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  for (const node of nodes) {
    const text = node.data;
    const ranges = highlightRanges(query, text, { field: 'text', language });
    if (ranges.length === 0) continue;
    const fragment = doc.createDocumentFragment();
    let at = 0;
    for (const range of ranges) {
      fragment.append(text.slice(at, range.start));
      const mark = doc.createElement('mark');
      mark.textContent = text.slice(range.start, range.end);
      fragment.append(mark);
      at = range.end;
    }
    fragment.append(text.slice(at));
    node.replaceWith(fragment);
  }
  return doc.body.innerHTML;
}
