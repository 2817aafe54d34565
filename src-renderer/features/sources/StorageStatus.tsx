// Whether the browser keeps the archive for good, and how much room it takes. Chromium may clear
// a site's data under disk pressure unless storage persistence was granted: a press officer
// should know which case theirs is rather than find out on a plane.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface StorageFacts {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

async function readStorageFacts(): Promise<StorageFacts> {
  const storage = navigator.storage as StorageManager | undefined;
  const [persisted, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
    storage?.estimate ? storage.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

export function StorageStatus() {
  const { t, i18n } = useTranslation();
  const [facts, setFacts] = useState<StorageFacts | null>(null);
  useEffect(() => {
    let current = true;
    void readStorageFacts().then((read) => current && setFacts(read));
    return () => {
      current = false;
    };
  }, []);
  if (!facts) return null;
  const megabytes = (bytes: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 }).format(bytes / 1024 / 1024);
  return (
    <p className="storage-status" data-testid="storage-status" role="status">
      {facts.persisted === true ? t('manage.storagePersistent') : facts.persisted === false ? t('manage.storageNotPersistent') : t('manage.storageUnknown')}
      {facts.usage !== null && facts.quota !== null ? ` ${t('manage.storageUsage', { used: megabytes(facts.usage), quota: megabytes(facts.quota) })}` : null}
    </p>
  );
}
