import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { DOWNLOADS_PERMISSION, MAX_KEEP, type WeeklyBackupSettings } from '@/lib/backup/weekly';
import { getDb } from '@/lib/db/database';
import { getWeeklyBackup, getWeeklyBackupLog, saveWeeklyBackup } from '@/lib/db/weekly-backup';
import { writeErrorMessage } from '@/lib/db/write-error';
import { ErrorText } from './ErrorText';

/** Whether the browser grants `downloads` now; follows grants and withdrawals made elsewhere. */
function useDownloadsGranted(): boolean | undefined {
  const [granted, setGranted] = useState<boolean>();
  useEffect(() => {
    let live = true;
    const check = () =>
      void browser.permissions.contains(DOWNLOADS_PERMISSION).then((held) => {
        if (live) setGranted(held);
      });
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      live = false;
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, []);
  return granted;
}

const when = (ms: number) => new Date(ms).toLocaleString();

/**
 * "Save a backup to my Downloads folder every week": off by default. Switching it on asks the
 * browser for the optional `downloads` permission from the click itself (browsers allow the
 * request only during a user gesture); switching it off gives the permission back.
 */
export function WeeklyBackupSettingsCard() {
  const stored = useLiveQuery(() => getWeeklyBackup(getDb()), []);
  const log = useLiveQuery(() => getWeeklyBackupLog(getDb()), []);
  const granted = useDownloadsGranted();
  const [keep, setKeep] = useState<string>();
  const [refused, setRefused] = useState(false);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!stored || granted === undefined) {
    return (
      <section aria-labelledby="weekly-backup-heading" className="li-card">
        <h2 id="weekly-backup-heading">Weekly backup</h2>
        <p className="li-muted">Loading…</p>
      </section>
    );
  }
  const on = stored.enabled && granted;
  const revoked = stored.enabled && !granted;

  const save = async (next: WeeklyBackupSettings) => {
    const result = await saveWeeklyBackup(getDb(), next).catch((e: unknown) => ({
      ok: false as const,
      error: writeErrorMessage(e),
    }));
    setError(result.ok ? null : `Not saved. ${result.error}`);
    return result.ok;
  };

  const switchOn = () => {
    setRefused(false);
    setAsking(true);
    // Called before anything is awaited: the request must happen inside the click.
    void browser.permissions
      .request(DOWNLOADS_PERMISSION)
      .then(
        async (ok) => {
          if (ok) await save({ ...stored, enabled: true });
          else setRefused(true);
        },
        (e: unknown) => {
          setRefused(true);
          console.warn('Last Impression: downloads permission not requested', e);
        },
      )
      .finally(() => setAsking(false));
  };

  const switchOff = async () => {
    setRefused(false);
    if (await save({ ...stored, enabled: false })) {
      await browser.permissions.remove(DOWNLOADS_PERMISSION).catch(() => false);
    }
  };

  const keepText = keep ?? String(stored.keep);
  const saveKeep = async () => {
    const count = Number(keepText);
    if (!Number.isInteger(count) || count < 1 || count > MAX_KEEP) {
      setError(`Backups to keep: enter a whole number from 1 to ${MAX_KEEP}.`);
      return;
    }
    if (await save({ ...stored, keep: count })) setKeep(undefined);
  };

  return (
    <section aria-labelledby="weekly-backup-heading" className="li-card">
      <h2 id="weekly-backup-heading">Weekly backup</h2>
      <p>
        A backup in your Downloads folder outlives this browser profile: uninstalling the extension
        or resetting the browser leaves it, and Import backup restores it.
      </p>
      <label>
        <input
          type="checkbox"
          checked={on}
          onChange={(e) => (e.currentTarget.checked ? switchOn() : void switchOff())}
        />{' '}
        Save a backup to my Downloads folder every week
      </label>
      <p className="li-muted" data-testid="li-weekly-backup-note">
        {asking
          ? "Waiting for your answer in the browser's prompt…"
          : refused
            ? 'Still off: the browser did not allow Last Impression to save files to your Downloads folder.'
            : revoked
              ? 'Off: the permission to save to your Downloads folder was withdrawn in the browser. Switch it on to ask again.'
              : on
                ? `Saves last-impression/backup-YYYY-MM-DD.json in Downloads once a week and keeps the last ${stored.keep}.`
                : 'Off. Switching it on asks the browser to let Last Impression save files to Downloads.'}
      </p>
      <div className="li-row">
        <label htmlFor="weekly-backup-keep">Backups to keep</label>
        <input
          id="weekly-backup-keep"
          type="number"
          min={1}
          max={MAX_KEEP}
          value={keepText}
          onChange={(e) => setKeep(e.currentTarget.value)}
          onBlur={() => keep !== undefined && void saveKeep()}
          onKeyDown={(e) => e.key === 'Enter' && void saveKeep()}
        />
      </div>
      <p role="status" data-testid="li-weekly-backup-status">
        {log?.savedAt !== undefined
          ? `Last saved ${when(log.savedAt)}: Downloads/${log.file ?? ''}.`
          : on
            ? 'No weekly backup saved yet; the first follows within a few minutes.'
            : ''}
        {log?.failedAt !== undefined && (log.savedAt === undefined || log.failedAt > log.savedAt)
          ? ` The last try failed ${when(log.failedAt)}: ${log.error ?? 'unknown error'}.`
          : ''}
      </p>
      <ErrorText error={error} />
    </section>
  );
}
