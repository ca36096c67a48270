import * as v from 'valibot';
import { identityToKey } from './identity';
import {
  MAX_LAYOUT_PX,
  MAX_PEOPLE,
  type Layout,
  type PageMessage,
  type PanelMessage,
  type Person,
  type Screen,
  type ToPanelMessage,
} from './messages';
import { IdentitySchema, LinkedinPathSchema, MAX_NAME_LENGTH, OutcomeSchema } from './model';

export * from './messages';

/**
 * Schemas for what crosses the runtime-messaging boundary. Whatever a content script says came
 * from the host page's DOM, which any page script can forge: the background checks it before
 * passing it on, and the frame checks it again before drawing it.
 */

const Text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max));

const PersonSchema = v.pipe(
  v.object({
    identity: IdentitySchema,
    key: v.string(),
    name: v.optional(Text(MAX_NAME_LENGTH)),
    headline: v.optional(Text(MAX_NAME_LENGTH)),
    publicPath: v.optional(LinkedinPathSchema),
  }),
  // The key is recomputed, never taken on trust: it is what the database is searched by.
  v.transform((p): Person => ({
    identity: p.identity,
    key: identityToKey(p.identity),
    ...(p.name ? { name: p.name } : {}),
    ...(p.headline ? { headline: p.headline } : {}),
    ...(p.publicPath ? { publicPath: p.publicPath } : {}),
  })),
);

export const ScreenSchema = v.variant('kind', [
  v.object({ kind: v.literal('none') }),
  v.object({ kind: v.literal('unreadable'), reason: Text(200) }),
  v.object({
    kind: v.literal('people'),
    people: v.pipe(v.array(PersonSchema), v.minLength(1), v.maxLength(MAX_PEOPLE)),
  }),
]) satisfies v.GenericSchema<unknown, Screen>;

const Px = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(MAX_LAYOUT_PX));
export const LayoutSchema = v.object({ inline: Px, total: Px }) satisfies v.GenericSchema<
  unknown,
  Layout
>;

const Token = v.pipe(v.string(), v.uuid());

export const PageMessageSchema = v.variant('type', [
  v.object({ type: v.literal('frame'), token: Token }),
  v.object({ type: v.literal('screen'), screen: ScreenSchema }),
]) satisfies v.GenericSchema<unknown, PageMessage>;

export const PanelMessageSchema = v.variant('type', [
  v.object({ type: v.literal('pair'), token: Token }),
  v.object({ type: v.literal('layout'), layout: LayoutSchema }),
]) satisfies v.GenericSchema<unknown, PanelMessage>;

export const PairMessageSchema = v.object({ type: v.literal('li-pair'), token: Token });

export const ToPanelMessageSchema = v.variant('type', [
  v.object({
    type: v.literal('screen'),
    site: v.picklist(['gmail', 'linkedin']),
    screen: ScreenSchema,
  }),
  v.object({ type: v.literal('log'), outcome: OutcomeSchema }),
]) satisfies v.GenericSchema<unknown, ToPanelMessage>;
