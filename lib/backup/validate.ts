import * as v from 'valibot';
import { describeIssues, identityKeys, MAX_FUTURE_MS } from '../model';
import { instantOf } from '../time';
import { BACKUP_VERSION, BackupHeaderSchema, BackupSchema, type Backup } from './format';

export type Parsed = { ok: true; backup: Backup } | { ok: false; error: string };

function fail(error: string): Parsed {
  return { ok: false, error };
}

/** Checks a whole backup before anything is written; the message names the record and field. */
export function parseBackup(text: string, now: number): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail(`The file is not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
  const header = v.safeParse(BackupHeaderSchema, data);
  if (!header.success) {
    return fail(`This is not a Last Impression backup: ${describeIssues(header.issues, 1)}.`);
  }
  if (header.output.version > BACKUP_VERSION) {
    return fail(
      `This backup is from a newer version of Last Impression (backup version ${header.output.version}; this one reads up to ${BACKUP_VERSION}). Update the extension, then import it.`,
    );
  }
  if (header.output.version < 1) return fail(`Unknown backup version ${header.output.version}.`);
  const parsed = v.safeParse(BackupSchema, data, { abortEarly: true });
  if (!parsed.success)
    return fail(`The backup has a bad record: ${describeIssues(parsed.issues)}.`);
  const problem = crossCheck(parsed.output, now);
  return problem
    ? fail(`The backup has a bad record: ${problem}.`)
    : { ok: true, backup: parsed.output };
}

function crossCheck(backup: Backup, now: number): string | null {
  const contactIds = new Set<string>();
  const owners = new Map<string, number>();
  for (const [i, c] of backup.contacts.entries()) {
    if (contactIds.has(c.id)) return `contacts[${i}].id: ${c.id} appears twice`;
    contactIds.add(c.id);
    for (const key of identityKeys(c)) {
      const other = owners.get(key);
      if (other !== undefined && other !== i) {
        return `contacts[${i}]: ${key.replace(/^\w+:/, '')} also belongs to contacts[${other}]`;
      }
      owners.set(key, i);
    }
  }
  const newsIds = new Set<string>();
  for (const [i, n] of (backup.news ?? []).entries()) {
    if (newsIds.has(n.id)) return `news[${i}].id: ${n.id} appears twice`;
    newsIds.add(n.id);
    for (const [j, e] of n.audience.entries()) {
      if (e.kind === 'contact' && !contactIds.has(e.id)) {
        return `news[${i}].audience[${j}].id: no contact with id ${e.id} in this file`;
      }
    }
  }
  const touchIds = new Set<string>();
  for (const [i, t] of backup.touches.entries()) {
    if (touchIds.has(t.id)) return `touches[${i}].id: ${t.id} appears twice`;
    touchIds.add(t.id);
    if (!contactIds.has(t.contactId)) {
      return `touches[${i}].contactId: no contact with id ${t.contactId} in this file`;
    }
    if (t.newsId !== undefined && !newsIds.has(t.newsId)) {
      return `touches[${i}].newsId: no news with id ${t.newsId} in this file`;
    }
    const at = instantOf(t.at);
    if (at > now + MAX_FUTURE_MS) return `touches[${i}].at: ${t.at} is more than a year ahead`;
  }
  return null;
}
