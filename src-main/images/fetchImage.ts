// One image from an outlet, fetched as politely and as capped as a feed: for the poller's lead
// images and for a clipping the user makes. Only raster pictures pass (no SVG: it can carry script).
import { fetchResource, type FeedDeps } from '../feeds/fetchFeed';

export interface ImageFetchOptions {
  browserUserAgent: boolean;
  maxBytes: number;
  timeoutMs: number;
}

export async function fetchImage(url: string, options: ImageFetchOptions, feedDeps: FeedDeps): Promise<Uint8Array> {
  const image = await fetchResource(
    url,
    {
      accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,image/*;q=0.8',
      browserUserAgent: options.browserUserAgent,
      contentType: (type) => type.startsWith('image/') && !type.startsWith('image/svg'),
      contentTypeWords: 'not a picture',
      maxBodyBytes: options.maxBytes,
      totalTimeoutMs: options.timeoutMs,
    },
    feedDeps,
  );
  return image.bytes;
}
