// Until the query language lands, --query keeps items containing every word (case-insensitive).
import type { FeedItem } from '../../src-shared/model';

export function matchesPlainWords(query: string, item: FeedItem): boolean {
  const haystack = `${item.title}\n${item.summary}\n${item.text}`.toLocaleLowerCase();
  return query
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
