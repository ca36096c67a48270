import { daysSincePositive, type NudgeReason } from '../impressions';
import type { Contact, Touch } from '../model';
import { firstName } from '../news/nudge-news';
import type { NewsItem } from '../news/types';
import type { ComposeSettings } from './settings';
import { fillTemplate, oneLine, type TemplateReason, type TemplateValues } from './templates';
import { gmailComposeUrl, linkedinProfileUrl, type PageReach } from './urls';

/** Where "Write to <first name>" goes, and the draft it carries. */
export interface WriteTarget {
  /** A new Gmail compose, the contact's last Gmail thread, or their LinkedIn page. */
  kind: 'gmail-compose' | 'gmail-thread' | 'linkedin';
  url: string;
  subject: string;
  body: string;
  /** "Write to Ada". */
  label: string;
}

export interface WriteInput {
  contact: Pick<Contact, 'name' | 'emails' | 'linkedin' | 'lastPositiveAt'>;
  reason: NudgeReason;
  news: Pick<NewsItem, 'headline' | 'details'> | undefined;
  lastTouch: Pick<Touch, 'note'> | undefined;
  reach: PageReach | undefined;
  settings: ComposeSettings;
  now: number;
}

/** Whether "Write to" has anywhere to go: an email address or a LinkedIn page. */
export function canWriteTo(contact: Pick<Contact, 'emails' | 'linkedin'>): boolean {
  return contact.emails.length > 0 || contact.linkedin.length > 0;
}

/** The template a nudge calls for: a repair's, the named news's, or a check-in. */
export function templateReason(reason: NudgeReason, hasNews: boolean): TemplateReason {
  if (reason === 'repair') return 'repair';
  return hasNews ? 'good-news' : 'check-in';
}

export function templateValues(input: Omit<WriteInput, 'reach' | 'settings'>): TemplateValues {
  const days = daysSincePositive(input.contact.lastPositiveAt, input.now);
  return {
    firstName: firstName(input.contact.name),
    news: input.news?.headline ?? '',
    newsDetails: input.news?.details?.trim() ?? '',
    lastNote: input.lastTouch?.note ? oneLine(input.lastTouch.note) : '',
    daysSincePositive: days === null ? '' : String(days),
  };
}

/**
 * Where to write: an address opens a Gmail compose in the account last used with the contact
 * (else account 0), or their last thread when the rep prefers it and it is known; a LinkedIn-
 * only contact opens their conversation when known, else their profile. Nobody to write to
 * gives null. Nothing is ever sent: the rep reads the draft and presses Send.
 */
export function writeTarget(input: WriteInput): WriteTarget | null {
  const template = input.settings.templates[templateReason(input.reason, input.news !== undefined)];
  const values = templateValues(input);
  const subject = fillTemplate(template.subject, values).replace(/\s*\n\s*/gu, ' ');
  const body = fillTemplate(template.body, values);
  const label = `Write to ${values.firstName}`;
  const email = input.contact.emails[0];
  if (email) {
    const thread = input.reach?.gmailThreadUrl;
    if (input.settings.openLastThread && thread) {
      return { kind: 'gmail-thread', url: thread, subject, body, label };
    }
    const account = input.reach?.gmailAccount ?? 0;
    return {
      kind: 'gmail-compose',
      url: gmailComposeUrl({ account, to: email, subject, body }),
      subject,
      body,
      label,
    };
  }
  const profile = input.contact.linkedin[0];
  if (profile) {
    const url = input.reach?.linkedinThreadUrl ?? linkedinProfileUrl(profile);
    return { kind: 'linkedin', url, subject, body, label };
  }
  return null;
}
