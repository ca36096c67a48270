import * as v from 'valibot';
import { addContact, linkIdentity, setNudgeState } from '../db/contacts';
import type { LastImpressionDb } from '../db/database';
import { deleteTouch, logTouch } from '../db/touches';
import { describeIssues, identityToKey, type Contact } from '../model';
import {
  MAX_MESSAGE_BYTES,
  RequestSchema,
  type ContactHit,
  type Request,
  type Response,
} from '../messaging';
import { viewByKey, viewById, viewOf } from './views';

type AnyResponse = Response<Request['type']>;

const SEARCH_LIMIT = 10;

function hit(c: Contact): ContactHit {
  return {
    id: c.id,
    name: c.name,
    emails: c.emails,
    linkedin: c.linkedin,
    ...(c.company ? { company: c.company } : {}),
  };
}

export async function searchContacts(db: LastImpressionDb, query: string): Promise<ContactHit[]> {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const found = await db.contacts
    .filter(
      (c) =>
        c.name.toLowerCase().includes(q) ||
        (c.company?.toLowerCase().includes(q) ?? false) ||
        c.emails.some((e) => e.includes(q)) ||
        c.linkedin.some((l) => l.toLowerCase().includes(q)),
    )
    .limit(SEARCH_LIMIT)
    .toArray();
  return found.map(hit);
}

/** Validates an incoming message, runs it, and always answers with `{ ok, data | error }`. */
export async function handleRequest(
  db: LastImpressionDb,
  raw: unknown,
  now: number,
): Promise<AnyResponse> {
  let size = 0;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    return { ok: false, error: 'Message is not plain data' };
  }
  if (size > MAX_MESSAGE_BYTES) return { ok: false, error: 'Message is too large' };
  const parsed = v.safeParse(RequestSchema, raw);
  if (!parsed.success) return { ok: false, error: `Bad message: ${describeIssues(parsed.issues)}` };
  try {
    return await run(db, parsed.output, now);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

async function run(db: LastImpressionDb, req: Request, now: number): Promise<AnyResponse> {
  switch (req.type) {
    case 'contact.get':
      return { ok: true, data: await viewByKey(db, identityToKey(req.identity)) };
    case 'touch.log': {
      const logged = await logTouch(db, req.input, now);
      if (!logged.ok) return logged;
      return {
        ok: true,
        data: { touchId: logged.value.touch.id, view: await viewOf(db, logged.value.contact) },
      };
    }
    case 'touch.undo': {
      const removed = await deleteTouch(db, req.touchId, now);
      return { ok: true, data: removed ? await viewById(db, removed.contactId) : null };
    }
    case 'contact.search':
      return { ok: true, data: await searchContacts(db, req.query) };
    case 'contact.link': {
      const linked = await linkIdentity(db, req.contactId, identityToKey(req.identity), now);
      return linked.ok ? { ok: true, data: await viewOf(db, linked.value) } : linked;
    }
    case 'contact.add': {
      const added = await addContact(db, req.fields, now);
      return added.ok ? { ok: true, data: await viewOf(db, added.value) } : added;
    }
    case 'nudge.snooze':
    case 'nudge.dismiss': {
      const change =
        req.type === 'nudge.snooze' ? { snoozedUntil: req.until } : { dismissedAt: now };
      const contact = await setNudgeState(db, req.contactId, change, now);
      return { ok: true, data: contact ? await viewOf(db, contact) : null };
    }
  }
}
