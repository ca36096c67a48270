import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { addContact } from '../../lib/db/contacts';
import type { LastImpressionDb } from '../../lib/db/database';
import { isAcceptableIdentity } from '../../lib/hosts/identity-check';
import { EmailSchema } from '../../lib/model';
import { makeTestDb } from '../support/db';

const VALID = [
  "o'brien@example.com",
  'first.last+crm@example.co.uk',
  'ops&sales@example.com',
  'x_y-z@sub.example.io',
  'jürgen@beispiel.de',
  'ada@bücher.example',
];
const INVALID = [
  'plain',
  'two@@example.com',
  '.dot@example.com',
  'dot.@example.com',
  'do..ts@example.com',
  'ada@localhost',
  'ada@example.c',
  'ada lovelace@example.com',
  'ada@-example.com',
  '"quoted"@example.com',
  'undisclosed-recipients:;',
];

let db: LastImpressionDb | undefined;
afterEach(() => db?.close());

describe('email addresses as people have them', () => {
  it.each(VALID)('%s is accepted, by the schema and by the page reader alike', (address) => {
    expect(v.safeParse(EmailSchema, address).success).toBe(true);
    expect(isAcceptableIdentity({ kind: 'email', value: address })).toBe(true);
  });

  it.each(INVALID)('%s is refused, by the schema and by the page reader alike', (address) => {
    expect(v.safeParse(EmailSchema, address).success).toBe(false);
    expect(isAcceptableIdentity({ kind: 'email', value: address })).toBe(false);
  });

  it("stores a contact at o'brien@example.com, lower-cased like any other", async () => {
    db = makeTestDb();
    const added = await addContact(
      db,
      { name: "Siobhan O'Brien", emails: ["O'Brien@Example.com"], linkedin: [] },
      Date.UTC(2026, 4, 20),
    );
    expect(added.ok && added.value.emails).toEqual(["o'brien@example.com"]);
  });
});
