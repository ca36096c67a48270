import * as v from 'valibot';
import { DEFAULT_TEMPLATES, TemplateSchema, type Template, type TemplateReason } from './templates';

/** How "Write to" drafts and where it opens; kept beside the settings, in its own record. */
export interface ComposeSettings {
  templates: Record<TemplateReason, Template>;
  /** Open the contact's last Gmail thread (when known) instead of a new compose. */
  openLastThread: boolean;
}

export const DEFAULT_COMPOSE: ComposeSettings = {
  templates: DEFAULT_TEMPLATES,
  openLastThread: false,
};

export const ComposeSettingsSchema = v.object({
  templates: v.object({
    'good-news': TemplateSchema,
    'check-in': TemplateSchema,
    repair: TemplateSchema,
  }),
  openLastThread: v.boolean(),
});

/** Stored compose settings over the defaults, template by template; unreadable parts fall back. */
export function composeSettingsFrom(stored: unknown): ComposeSettings {
  const raw = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<
    string,
    unknown
  >;
  const templates = { ...DEFAULT_TEMPLATES };
  const storedTemplates = (raw.templates ?? {}) as Record<string, unknown>;
  for (const reason of Object.keys(DEFAULT_TEMPLATES) as TemplateReason[]) {
    const t = v.safeParse(TemplateSchema, storedTemplates[reason]);
    if (t.success) templates[reason] = t.output;
  }
  return {
    templates,
    openLastThread: typeof raw.openLastThread === 'boolean' ? raw.openLastThread : false,
  };
}
