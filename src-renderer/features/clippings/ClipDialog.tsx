// Clip one or many items: a note, a tone and a collection for the report.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PressWatchDb, StoredItem, Tone } from '../../db/schema';
import { clipItems, createCollection } from './clipActions';

interface ClipDialogProps {
  db: PressWatchDb;
  itemKeys: string[];
  loadImage: (url: string, item: StoredItem) => Promise<Blob | null>;
  onDone: (count: number) => void;
  onCancel: () => void;
}

export function ClipDialog({ db, itemKeys, loadImage, onDone, onCancel }: ClipDialogProps) {
  const { t } = useTranslation();
  const collections = useLiveQuery(() => db.collections.orderBy('name').toArray(), [db]) ?? [];
  const [note, setNote] = useState('');
  const [tone, setTone] = useState<Tone>('neutral');
  const [collectionId, setCollectionId] = useState('');
  const [newCollection, setNewCollection] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const collectionIds = newCollection.trim() ? [await createCollection(db, newCollection)] : collectionId ? [collectionId] : [];
      const clippings = await clipItems(db, itemKeys, { note, tone, tagIds: [], collectionIds, loadImage });
      onDone(clippings.length);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop">
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="clip-title" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
        <h2 id="clip-title">
          {t('clip.title')} ({itemKeys.length})
        </h2>
        <label>
          {t('clip.note')}
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} autoFocus />
        </label>
        <fieldset>
          <legend>{t('clip.tone')}</legend>
          {(['positive', 'neutral', 'negative'] as const).map((value) => (
            <label key={value} className="inline">
              <input type="radio" name="tone" value={value} checked={tone === value} onChange={() => setTone(value)} /> {t(`clip.${value}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('clip.collection')}
          <select value={collectionId} onChange={(e) => setCollectionId(e.target.value)}>
            <option value="">{t('clip.noCollection')}</option>
            {collections.map((collection) => (
              <option key={collection.id} value={collection.id}>
                {collection.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('clip.newCollection')}
          <input value={newCollection} onChange={(e) => setNewCollection(e.target.value)} />
        </label>
        <div className="dialog-buttons">
          <button type="submit" disabled={busy}>
            {t('clip.save')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('clip.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
