import { useTranslation } from 'react-i18next';
import type { PressWatchDb } from '../../db/schema';
import { OpenFileButton } from '../../ui/OpenFileButton';
import { saveFile } from '../../ui/saveFile';
import { exportBackup, restoreBackup } from './backup';

export function BackupButtons({ db, onMessage }: { db: PressWatchDb; onMessage: (text: string, kind: 'info' | 'error') => void }) {
  const { t } = useTranslation();
  const download = async () => {
    saveFile(await exportBackup(db), `presswatch-backup-${new Date().toISOString().slice(0, 10)}.json`);
    onMessage(t('backup.exported'), 'info');
  };
  return (
    <span className="backup-buttons">
      <button type="button" onClick={() => void download()}>
        {t('backup.export')}
      </button>
      <OpenFileButton
        accept="application/json,.json"
        testId="restore-input"
        onFile={async (file) => {
          try {
            await restoreBackup(db, file);
            onMessage(t('backup.restored'), 'info');
          } catch (error) {
            onMessage(t('backup.failed', { message: error instanceof Error ? error.message : String(error) }), 'error');
          }
        }}
      >
        {t('backup.import')}
      </OpenFileButton>
    </span>
  );
}
