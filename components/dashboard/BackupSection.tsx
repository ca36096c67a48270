import { useState } from 'react';
import { backupFileName, exportBackupReport } from '@/lib/backup/export';
import { importBackupText } from '@/lib/backup/import';
import { getDb } from '@/lib/db/database';
import { writeErrorMessage } from '@/lib/db/write-error';
import { downloadText } from './download';

type Status =
  { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'done' | 'error'; text: string };

export function BackupSection() {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    setStatus({ kind: 'busy', text: `Checking ${file.name}…` });
    const result = await importBackupText(getDb(), await file.text(), Date.now());
    setStatus(
      result.ok
        ? {
            kind: 'done',
            text: `Imported ${result.counts.contacts} contacts and ${result.counts.touches} touches${result.counts.news ? `, with ${result.counts.news} pieces of good news` : ''}.`,
          }
        : { kind: 'error', text: `Nothing was imported. ${result.error}` },
    );
  };

  const onExport = async () => {
    const now = Date.now();
    let report;
    try {
      report = await exportBackupReport(getDb(), now);
    } catch (e) {
      setStatus({ kind: 'error', text: `Nothing was exported. ${writeErrorMessage(e)}` });
      return;
    }
    const { backup, leftOut } = report;
    downloadText(backupFileName(now), JSON.stringify(backup), 'application/json');
    const skipped = leftOut.length
      ? ` Left out ${leftOut.length} with no readable date: ${leftOut.slice(0, 3).join('; ')}${leftOut.length > 3 ? '…' : ''}.`
      : '';
    setStatus({
      kind: 'done',
      text: `Exported ${backup.contacts.length} contacts and ${backup.touches.length} touches.${skipped}`,
    });
  };

  return (
    <section aria-labelledby="backup-heading" className="li-card">
      <h2 id="backup-heading">Backup</h2>
      <p>Your data lives only in this browser. Export a backup now and then; import restores it.</p>
      <div className="li-row">
        <button type="button" onClick={() => void onExport()}>
          Export backup
        </button>
        <label className="li-file">
          Import backup
          <input
            type="file"
            accept="application/json,.json"
            aria-label="Import backup"
            onChange={(e) => {
              void onImport(e.currentTarget.files?.[0]);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      <p role="status" className={`li-status li-status-${status.kind}`}>
        {status.kind === 'idle' ? '' : status.text}
      </p>
    </section>
  );
}
