import { describe, expect, it, vi } from 'vitest';
import { exportBackup } from '../../lib/backup/export';
import { importBackupText } from '../../lib/backup/import';
import { addContact, mergeContacts, setNudgeState, updateContact } from '../../lib/db/contacts';
import { logTouch } from '../../lib/db/touches';
import { pickFields } from '../../lib/contact-fields';
import type { Contact } from '../../lib/model';
import { must, useTestDbs } from '../support/db';

/*
 * A contact field added the way the architecture promises: in its schema only. Here, for this
 * file alone, ContactFieldsSchema gains an optional `pronouns`; nothing else is told of it.
 */
vi.mock('../../lib/model', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../lib/model')>();
  const v = await import('valibot');
  return {
    ...actual,
    ContactFieldsSchema: v.object({
      ...actual.ContactFieldsSchema.entries,
      pronouns: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(40))),
    }),
  };
});

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 4, 20, 12);
type WithPronouns = Contact & { pronouns?: string };

const newDb = useTestDbs();

const ADA = {
  name: 'Ada Lovelace',
  emails: ['ada@example.com'],
  linkedin: [],
  pronouns: 'she/her',
};

describe('a contact field added in its schema alone', () => {
  it('is stored, and round-trips through a backup export and import', async () => {
    const db = newDb();
    const ada = await must(addContact(db, ADA, NOW));
    expect((ada as WithPronouns).pronouns).toBe('she/her');

    const backup = await exportBackup(db, NOW);
    expect(backup.contacts[0]).toMatchObject({ name: 'Ada Lovelace', pronouns: 'she/her' });

    const restored = newDb();
    const imported = await importBackupText(restored, JSON.stringify(backup), NOW + DAY);
    expect(imported).toMatchObject({ ok: true, counts: { contacts: 1 } });
    const back = (await restored.contacts.get(ada.id)) as WithPronouns;
    expect(back.pronouns).toBe('she/her');
  });

  it('fills in a stored contact that lacked it when the same person is imported', async () => {
    const source = newDb();
    await must(addContact(source, ADA, NOW));
    const backup = await exportBackup(source, NOW);

    const db = newDb();
    const stored = await must(
      addContact(db, { name: 'Ada', emails: ['ada@example.com'], linkedin: [] }, NOW),
    );
    await importBackupText(db, JSON.stringify(backup), NOW);
    expect(((await db.contacts.get(stored.id)) as WithPronouns).pronouns).toBe('she/her');
  });

  it('survives an edit of other fields and a merge, as every edit passes all fields on', async () => {
    const db = newDb();
    const ada = await must(addContact(db, ADA, NOW));
    const edited = await must(
      updateContact(db, ada.id, { ...pickFields(ada), company: 'Analytical Engines' }, NOW),
    );
    expect(edited).toMatchObject({ company: 'Analytical Engines', pronouns: 'she/her' });

    const other = await must(
      addContact(db, { name: 'A. Lovelace', emails: ['ada@work.example'], linkedin: [] }, NOW),
    );
    const merged = await must(mergeContacts(db, other.id, ada.id, NOW));
    expect(merged).toMatchObject({ name: 'A. Lovelace', pronouns: 'she/her' });
    expect(merged.emails).toEqual(['ada@work.example', 'ada@example.com']);
  });
});

describe('updateContact changes only the contact’s own fields', () => {
  it('keeps its summary, snooze, dismissal, times and fields it does not know', async () => {
    const db = newDb();
    const logged = await logTouch(
      db,
      {
        identity: { kind: 'email', value: 'grace@navy.mil' },
        name: 'Grace Hopper',
        channel: 'call',
        outcome: 'negative',
        source: 'dashboard',
      },
      NOW - 2 * DAY,
    );
    if (!logged.ok) throw new Error(logged.error);
    const id = logged.value.contact.id;
    await setNudgeState(db, id, { snoozedUntil: NOW + 3 * DAY }, NOW);
    // A field a newer version wrote, which this one has no name for.
    await db.contacts.update(id, { fromNewerVersion: 'keep me' } as Partial<Contact>);
    const before = (await db.contacts.get(id))!;

    const after = await must(
      updateContact(
        db,
        id,
        { name: 'Rear Admiral Grace Hopper', emails: ['grace@navy.mil'], linkedin: [] },
        NOW,
      ),
    );
    expect(after).toEqual({ ...before, name: 'Rear Admiral Grace Hopper', updatedAt: NOW });
    expect(await db.contacts.get(id)).toEqual(after);
    expect(after.touchCount).toBe(1);
    expect(after.snoozedUntil).toBe(NOW + 3 * DAY);
  });

  it('clears a field the edit leaves out, and nothing else', async () => {
    const db = newDb();
    const ada = await must(addContact(db, { ...ADA, company: 'Babbage & Co' }, NOW));
    const fields = pickFields(ada);
    delete fields.company;
    const edited = await must(updateContact(db, ada.id, fields, NOW));
    expect(edited.company).toBeUndefined();
    expect((edited as WithPronouns).pronouns).toBe('she/her');
  });
});
