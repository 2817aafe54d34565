// The latest clipping of an item, with its kept images as blob: URLs: the reader shows those
// copies in place of the outlet's addresses, so a clipped article reads whole with no network.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import type { Clipping, PressWatchDb } from '../../db/schema';

export interface ClippingView {
  clipping: Clipping | null;
  /** Original image URL -> blob: URL, valid while the item is shown. */
  imageUrls: Record<string, string>;
}

export function useClipping(db: PressWatchDb, itemKey: string | null): ClippingView {
  const clipping = useLiveQuery(
    async () => (itemKey ? ((await db.clippings.where('itemKey').equals(itemKey).sortBy('clippedAt')).at(-1) ?? null) : null),
    [db, itemKey],
  );
  const imageUrls = useMemo(() => {
    const urls: Record<string, string> = {};
    for (const [url, blob] of Object.entries(clipping?.images ?? {})) {
      // A restored backup could hold anything here: only real image blobs become URLs.
      if (blob instanceof Blob && blob.type.startsWith('image/') && !blob.type.startsWith('image/svg')) urls[url] = URL.createObjectURL(blob);
    }
    return urls;
  }, [clipping]);
  useEffect(() => () => Object.values(imageUrls).forEach((url) => URL.revokeObjectURL(url)), [imageUrls]);
  return { clipping: clipping ?? null, imageUrls };
}
