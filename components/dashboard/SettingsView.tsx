import { useState, type FormEvent } from 'react';
import { getDb } from '@/lib/db/database';
import { saveSettings } from '@/lib/db/settings';
import { writeErrorMessage } from '@/lib/db/write-error';
import type { Settings } from '@/lib/model';
import { ErrorText } from './ErrorText';
import { MessageTemplates } from './MessageTemplates';
import { splitList } from './format';
import { useSettings } from './use-data';
import { WeeklyBackupSettingsCard } from './WeeklyBackupSettings';

const pad = (n: number) => String(n).padStart(2, '0');
const toHhMm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

function fromHhMm(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/u.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : null;
}

export function SettingsView() {
  const settings = useSettings();
  return (
    <>
      <section aria-labelledby="settings-heading" className="li-card">
        <h2 id="settings-heading">Settings</h2>
        {settings ? <SettingsForm initial={settings} /> : <p className="li-muted">Loading…</p>}
      </section>
      <WeeklyBackupSettingsCard />
      <MessageTemplates />
    </>
  );
}

function SettingsForm({ initial }: { initial: Settings }) {
  const [cadence, setCadence] = useState(String(initial.defaultCadenceDays));
  const [halfLife, setHalfLife] = useState(String(initial.halfLifeDays));
  const [digest, setDigest] = useState(toHhMm(initial.digestMinutes));
  const [weekends, setWeekends] = useState(initial.digestWeekends);
  const [notifications, setNotifications] = useState(initial.notifications);
  const [domains, setDomains] = useState(initial.ignoredDomains.join('\n'));
  const [own, setOwn] = useState(initial.ownAddresses.join('\n'));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const digestMinutes = fromHhMm(digest);
    if (digestMinutes === null) {
      setError('Digest time: enter a time such as 09:00.');
      return;
    }
    const result = await saveSettings(getDb(), {
      defaultCadenceDays: Number(cadence),
      halfLifeDays: Number(halfLife),
      digestMinutes,
      digestWeekends: weekends,
      notifications,
      ignoredDomains: splitList(domains),
      ownAddresses: splitList(own),
    }).catch((e: unknown) => ({ ok: false as const, error: writeErrorMessage(e) }));
    if (result.ok) {
      setError(null);
      setSaved(true);
    } else {
      setError(`Not saved. ${result.error}`);
    }
  };

  return (
    <form className="li-form" onSubmit={(e) => void submit(e)} onChange={() => setSaved(false)}>
      <label htmlFor="set-cadence">Default cadence (days)</label>
      <input
        id="set-cadence"
        type="number"
        min={1}
        max={3650}
        required
        value={cadence}
        onChange={(e) => setCadence(e.currentTarget.value)}
      />
      <label htmlFor="set-half-life">Goodwill half-life (days)</label>
      <input
        id="set-half-life"
        type="number"
        min={1}
        max={3650}
        step="any"
        required
        value={halfLife}
        onChange={(e) => setHalfLife(e.currentTarget.value)}
      />
      <label htmlFor="set-digest">Daily digest at</label>
      <input
        id="set-digest"
        type="time"
        required
        value={digest}
        onChange={(e) => setDigest(e.currentTarget.value)}
      />
      <span />
      <label>
        <input
          type="checkbox"
          checked={weekends}
          onChange={(e) => setWeekends(e.currentTarget.checked)}
        />{' '}
        Digest on weekends too
      </label>
      <span />
      <label>
        <input
          type="checkbox"
          checked={notifications}
          onChange={(e) => setNotifications(e.currentTarget.checked)}
        />{' '}
        Notifications
      </label>
      <label htmlFor="set-domains">Ignored email domains</label>
      <textarea
        id="set-domains"
        rows={3}
        placeholder="one per line, e.g. example.com"
        value={domains}
        onChange={(e) => setDomains(e.currentTarget.value)}
      />
      <label htmlFor="set-own">Your own addresses</label>
      <textarea
        id="set-own"
        rows={3}
        placeholder="one per line; never treated as contacts"
        value={own}
        onChange={(e) => setOwn(e.currentTarget.value)}
      />
      <div className="li-row li-form-actions">
        <button type="submit">Save settings</button>
        <span aria-live="polite">{saved ? 'Saved; contacts were recomputed.' : ''}</span>
      </div>
      <ErrorText error={error} />
    </form>
  );
}
