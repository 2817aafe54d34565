import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PressWatchDb } from '../../db/schema';
import { saveFile } from '../../ui/saveFile';
import { exportBackup, restoreBackup } from './backup';

export function BackupButtons({ db, onMessage }: { db: PressWatchDb; onMessage: (text: string, kind: 'info' | 'error') => void }) {
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  const download = async () => {
    saveFile(await exportBackup(db), `presswatch-backup-${new Date().toISOString().slice(0, 10)}.json`);
    onMessage(t('backup.exported'), 'info');
  };
  return (
    <span className="backup-buttons">
      <button type="button" onClick={() => void download()}>
        {t('backup.export')}
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        {t('backup.import')}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="restore-input"
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          try {
            await restoreBackup(db, file);
            onMessage(t('backup.restored'), 'info');
          } catch (error) {
            onMessage(t('backup.failed', { message: error instanceof Error ? error.message : String(error) }), 'error');
          }
        }}
      />
    </span>
  );
}
