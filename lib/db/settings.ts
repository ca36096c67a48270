import * as v from 'valibot';
import { DEFAULT_SETTINGS, SettingsSchema, describeIssues, type Settings } from '../model';
import type { LastImpressionDb } from './database';
import { recomputeAllContacts } from './summary';

export async function getSettings(db: LastImpressionDb): Promise<Settings> {
  return settingsFrom((await db.meta.get('settings'))?.value);
}

/** Stored settings over the defaults; anything unreadable falls back to the defaults. */
export function settingsFrom(stored: unknown): Settings {
  const parsed = v.safeParse(SettingsSchema, { ...DEFAULT_SETTINGS, ...(stored ?? {}) });
  return parsed.success ? parsed.output : DEFAULT_SETTINGS;
}

export type SaveResult = { ok: true; settings: Settings } | { ok: false; error: string };

/** Saves settings and, in the same transaction, re-derives what depends on them. */
export async function saveSettings(db: LastImpressionDb, input: unknown): Promise<SaveResult> {
  const parsed = v.safeParse(SettingsSchema, input);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.issues) };
  const next = parsed.output;
  await db.transaction('rw', [db.contacts, db.touchMonths, db.meta], async () => {
    const previous = await getSettings(db);
    await db.meta.put({ key: 'settings', value: next });
    if (JSON.stringify(previous) !== JSON.stringify(next)) {
      await recomputeAllContacts(db, next, previous.halfLifeDays !== next.halfLifeDays);
    }
  });
  return { ok: true, settings: next };
}
