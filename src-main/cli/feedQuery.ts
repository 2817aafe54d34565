// --query for `presswatch fetch`: the very matcher the app uses (src-shared/query over
// src-shared/text), so a query tried on the command line behaves as it will in a topic.
import type { FeedInfo, FeedItem } from '../../src-shared/model';
import { matchDocument, parseQuery } from '../../src-shared/query';
import { analyzeDocument } from '../../src-shared/text';

export function filterByQuery(query: string, feed: FeedInfo, items: FeedItem[]): FeedItem[] {
  const parsed = parseQuery(query);
  if (!parsed.ok) {
    const { message, start, end } = parsed.error;
    throw new Error(`Query error at characters ${start + 1}-${Math.max(end, start + 1)} of "${query}": ${message}`);
  }
  return items.filter((item) =>
    matchDocument(
      parsed.query,
      analyzeDocument({ title: item.title, summary: item.summary, text: item.text, sourceName: feed.title, language: item.language ?? feed.language }),
    ),
  );
}
