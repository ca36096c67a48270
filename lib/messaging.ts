import * as v from 'valibot';
import { IdentitySchema, OutcomeSchema, type Contact, type Settings, type Touch } from './model';
import { ContactFieldsSchema, LogTouchInputSchema } from './db/inputs';
import { InstantSchema } from './time';

/** The typed protocol between content scripts or pages and the background. */

const Uuid = v.pipe(v.string(), v.uuid());
const MAX_IDENTITIES_WATCHED = 20;
export const MAX_MESSAGE_BYTES = 2_000_000;

export const RequestSchema = v.variant('type', [
  v.object({ type: v.literal('contact.get'), identity: IdentitySchema }),
  v.object({ type: v.literal('touch.log'), input: LogTouchInputSchema }),
  v.object({ type: v.literal('touch.undo'), touchId: Uuid }),
  v.object({
    type: v.literal('contact.search'),
    query: v.pipe(v.string(), v.maxLength(200)),
  }),
  v.object({ type: v.literal('contact.link'), contactId: Uuid, identity: IdentitySchema }),
  v.object({ type: v.literal('contact.add'), fields: ContactFieldsSchema }),
  v.object({
    type: v.literal('nudge.snooze'),
    contactId: Uuid,
    /** At most a year ahead: lib/db checks it against the time of the write. */
    until: InstantSchema,
  }),
  v.object({ type: v.literal('nudge.dismiss'), contactId: Uuid }),
]);
export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestInput = v.InferInput<typeof RequestSchema>;

/** What a panel needs to draw a contact; the rules are applied where `now` is known. */
export interface ContactView {
  contact: Contact;
  recent: Touch[];
  settings: Settings;
}

export interface ContactHit {
  id: string;
  name: string;
  company?: string;
  emails: string[];
  linkedin: string[];
}

export interface ResponseMap {
  'contact.get': ContactView | null;
  'touch.log': { touchId: string; view: ContactView };
  'touch.undo': ContactView | null;
  'contact.search': ContactHit[];
  'contact.link': ContactView;
  'contact.add': ContactView;
  'nudge.snooze': ContactView | null;
  'nudge.dismiss': ContactView | null;
}

export type Response<T extends Request['type']> =
  { ok: true; data: ResponseMap[T] } | { ok: false; error: string };

/** Live updates: the content script names identities, the background pushes their views. */
export const LIVE_PORT = 'li-live';
export const WatchMessageSchema = v.object({
  type: v.literal('watch'),
  identities: v.pipe(v.array(IdentitySchema), v.maxLength(MAX_IDENTITIES_WATCHED)),
});
export type WatchMessage = v.InferInput<typeof WatchMessageSchema>;
export interface ViewsMessage {
  type: 'views';
  /** Keyed by identity key; null when nobody is stored under it. */
  views: Record<string, ContactView | null>;
}

/** Background to a tab's content script: a keyboard shortcut asks its panel to log an outcome. */
export const PanelLogMessageSchema = v.object({
  type: v.literal('panel.log'),
  outcome: OutcomeSchema,
});
export type PanelLogMessage = v.InferOutput<typeof PanelLogMessageSchema>;
