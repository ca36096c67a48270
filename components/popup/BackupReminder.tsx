import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { downloadText } from '@/components/dashboard/download';
import { backupFileName, exportBackup } from '@/lib/backup/export';
import { needsBackupReminder } from '@/lib/backup/reminder';
import { getDb } from '@/lib/db/database';
import { hasTouches } from '@/lib/db/queries';

/** Says so when there are touches and no export in 30 days, with the export one click away. */
export function BackupReminder() {
  const [error, setError] = useState('');
  const due = useLiveQuery(async () => {
    const db = getDb();
    // One record read, not a count: counting walks every stored touch.
    const [last, anyTouch] = await Promise.all([db.meta.get('lastExportAt'), hasTouches(db)]);
    const lastExportAt = typeof last?.value === 'number' ? last.value : undefined;
    return needsBackupReminder({
      hasTouches: anyTouch,
      lastExportAt,
      now: Date.now(),
    });
  }, []);
  if (!due) return null;

  const onExport = async () => {
    try {
      const now = Date.now();
      const backup = await exportBackup(getDb(), now);
      downloadText(backupFileName(now), JSON.stringify(backup), 'application/json');
    } catch (e) {
      setError(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <section className="li-backup" data-testid="li-backup-reminder" aria-label="Backup reminder">
      <p>
        No backup in the last 30 days. Your history lives only in this browser; uninstalling the
        extension deletes it.
      </p>
      <button type="button" onClick={() => void onExport()}>
        Export backup
      </button>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
