import * as v from 'valibot';

/**
 * Message templates, one per reason to write: news to share, a plain check-in when no news
 * matches, and a repair. The rep edits them in Settings; the "Write to" button fills them.
 */
export const TEMPLATE_REASONS = ['good-news', 'check-in', 'repair'] as const;
export type TemplateReason = (typeof TEMPLATE_REASONS)[number];

export const TEMPLATE_LABELS: Record<TemplateReason, string> = {
  'good-news': 'Good news to share',
  'check-in': 'Staying in touch (no news matches)',
  repair: 'Repair',
};

export const PLACEHOLDERS = [
  'firstName',
  'news',
  'newsDetails',
  'lastNote',
  'daysSincePositive',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Partial<Record<Placeholder, string>>;

export interface Template {
  subject: string;
  body: string;
}

/*
 * Defaults say something worth reading and ask for nothing. None quotes {lastNote}: notes are
 * the rep's private record and stay out of a customer's inbox unless the rep puts them there.
 */
export const DEFAULT_TEMPLATES: Record<TemplateReason, Template> = {
  'good-news': {
    subject: '{news}',
    body: 'Hi {firstName},\n\nI wanted you to hear it from me first: {news}.\n\n{newsDetails}\n\nHappy to walk you through what it means for you.\n\nBest,',
  },
  'check-in': {
    subject: 'Quick hello',
    body: 'Hi {firstName},\n\nIt has been a while, so a quick hello: how are things going on your side? If there is anything I can help with, or something you would like us to look at, just say.\n\nBest,',
  },
  repair: {
    subject: 'What we fixed',
    body: 'Hi {firstName},\n\nFirst, the fix: [what we changed, and from when].\n\nI am sorry for the trouble it caused you. If anything is still not right, tell me and I will make it my priority.\n\nBest,',
  },
};

const MAX_TEMPLATE = 20_000;
export const TemplateSchema = v.object({
  subject: v.pipe(
    v.string('subject must be text'),
    v.maxLength(500, 'subject is longer than 500 characters'),
  ),
  body: v.pipe(
    v.string('body must be text'),
    v.maxLength(MAX_TEMPLATE, `body is longer than ${MAX_TEMPLATE} characters`),
  ),
});

const TOKEN = /\{(firstName|news|newsDetails|lastNote|daysSincePositive)\}/gu;

/**
 * Fills the placeholders. A line whose placeholders are all empty is left out (no "Details: "
 * with nothing after it), runs of blank lines close up, and unknown braces stay as typed.
 */
export function fillTemplate(template: string, values: TemplateValues): string {
  const lines = template.split('\n').flatMap((line) => {
    const used = [...line.matchAll(TOKEN)].map((m) => m[1] as Placeholder);
    const filled = line.replace(TOKEN, (_, name: Placeholder) => values[name] ?? '');
    return used.length > 0 && used.every((p) => !values[p]) ? [] : [filled];
  });
  return lines
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}

/** A note fit for one line: its first line, at most `max` characters. */
export function oneLine(text: string, max = 140): string {
  const first = (text.split(/\r?\n/u).find((l) => l.trim()) ?? '').trim();
  return first.length > max ? `${first.slice(0, max - 1).trimEnd()}…` : first;
}
