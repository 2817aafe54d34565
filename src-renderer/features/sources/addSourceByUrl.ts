import type { ApiClient } from '../../../src-shared/api';
import type { PressWatchDb, StoredSource } from '../../db/schema';

/** Checks the address with the service (it must yield a feed), then saves it as a source. */
export async function addSourceByUrl(db: PressWatchDb, client: ApiClient, url: string): Promise<{ added: boolean; source: StoredSource }> {
  const preview = await client['feeds.preview'](url);
  const feedUrl = preview.feed.url;
  const existing = await db.sources.filter((s) => s.url === url || s.url === feedUrl).first();
  if (existing) return { added: false, source: existing };
  const source: StoredSource = {
    id: `src-${crypto.randomUUID()}`,
    name: preview.feed.title,
    url: feedUrl,
    kind: 'feed',
    language: preview.feed.language,
    group: '',
    intervalMinutes: 15,
    enabled: true,
    browserUserAgent: false,
    addedAt: new Date().toISOString(),
  };
  await db.sources.add(source);
  return { added: true, source };
}
