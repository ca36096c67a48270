import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPOSE } from '../../lib/compose/settings';
import { DEFAULT_TEMPLATES, fillTemplate, oneLine } from '../../lib/compose/templates';
import { composeWarning } from '../../lib/compose/warning';
import { writeTarget, type WriteInput } from '../../lib/compose/write';
import { gmailComposeUrl, linkedinProfileUrl, reachFromUrl } from '../../lib/compose/urls';

const DAY = 24 * 3600 * 1000;
const NOW = new Date(2026, 4, 20, 12).getTime();
const NASTY = `Q3 & Q4: 50% off?! #launch "quoted" 'single' <b>\nsecond line 🚀 ✓ café + a=b;c/d`;

const ada: WriteInput['contact'] = {
  name: 'Ada Lovelace',
  emails: ['ada+crm@example.com'],
  linkedin: ['/in/ada-lovelace'],
  lastPositiveAt: NOW - 18 * DAY,
};

const input = (over: Partial<WriteInput> = {}): WriteInput => ({
  contact: ada,
  reason: 'share-good-news',
  news: { headline: 'CSV export shipped', details: 'Any view, one click.' },
  lastTouch: undefined,
  reach: undefined,
  settings: DEFAULT_COMPOSE,
  now: NOW,
  ...over,
});

describe('Gmail compose address', () => {
  it('carries every character of subject and body intact: & # ? % quotes new lines emoji', () => {
    const url = gmailComposeUrl({
      account: 0,
      to: 'ada+crm@example.com',
      subject: NASTY,
      body: `${NASTY}\n\n${NASTY}`,
    });
    expect(url.startsWith('https://mail.google.com/mail/u/0/?view=cm&fs=1&to=')).toBe(true);
    // No raw separator survives in a value: each param is exactly one &-separated part.
    expect(url.split('?')).toHaveLength(2);
    expect(url.includes('#')).toBe(false);
    const params = new URL(url).searchParams;
    expect(params.get('to')).toBe('ada+crm@example.com');
    expect(params.get('su')).toBe(NASTY);
    expect(params.get('body')).toBe(`${NASTY}\n\n${NASTY}`);
    expect([...params.keys()]).toEqual(['view', 'fs', 'to', 'su', 'body']);
  });

  it('opens the account given, and account 0 for anything that is not one', () => {
    const at = (account: number) =>
      new URL(gmailComposeUrl({ account, to: 'a@b.c', subject: '', body: '' })).pathname;
    expect(at(3)).toBe('/mail/u/3/');
    expect(at(-1)).toBe('/mail/u/0/');
    expect(at(1.5)).toBe('/mail/u/0/');
  });

  it('reads the account and thread from the page a touch was logged on, and nothing from others', () => {
    expect(
      reachFromUrl('https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJWDsKmbfTfVnPbVvVvRwPbJq'),
    ).toEqual({
      gmailAccount: 1,
      gmailThreadUrl: 'https://mail.google.com/mail/u/1/#all/FMfcgzQXJWDsKmbfTfVnPbVvVvRwPbJq',
    });
    expect(
      reachFromUrl('https://mail.google.com/mail/#label/Clients%2FBig/18c2a0f1b2c3d4e5'),
    ).toEqual({
      gmailAccount: 0,
      gmailThreadUrl: 'https://mail.google.com/mail/u/0/#all/18c2a0f1b2c3d4e5',
    });
    expect(reachFromUrl('https://mail.google.com/mail/u/0/#inbox?compose=new')).toEqual({
      gmailAccount: 0,
    });
    expect(reachFromUrl('https://mail.google.com/mail/u/0/#settings/general')).toEqual({
      gmailAccount: 0,
    });
    expect(reachFromUrl('https://www.linkedin.com/messaging/thread/2-YWJjZGVm/')).toEqual({
      linkedinThreadUrl: 'https://www.linkedin.com/messaging/thread/2-YWJjZGVm/',
    });
    expect(reachFromUrl('https://evil.example/mail/u/3/')).toEqual({});
    expect(reachFromUrl('http://mail.google.com/mail/u/3/')).toEqual({});
    expect(reachFromUrl('not a url')).toEqual({});
  });

  it('builds a LinkedIn profile address from a stored path, encoded', () => {
    expect(linkedinProfileUrl('/in/ada-lovelace')).toBe(
      'https://www.linkedin.com/in/ada-lovelace/',
    );
    expect(linkedinProfileUrl('/in/zoë')).toBe('https://www.linkedin.com/in/zo%C3%AB/');
  });
});

describe('templates', () => {
  it('fills every placeholder and leaves out lines whose placeholders are all empty', () => {
    const text =
      'Hi {firstName},\n\nNews: {news}\n\n{newsDetails}\n\nLast: {lastNote}\n\n{daysSincePositive} days.\n{unknown}';
    expect(fillTemplate(text, { firstName: 'Ada', news: 'X', daysSincePositive: '18' })).toBe(
      'Hi Ada,\n\nNews: X\n\n18 days.\n{unknown}',
    );
  });

  it('the default good-news draft names the news and its details; the repair one leads with the fix', () => {
    const good = writeTarget(input())!;
    expect(good.subject).toBe('CSV export shipped');
    expect(good.body).toContain('Hi Ada,');
    expect(good.body).toContain('CSV export shipped');
    expect(good.body).toContain('Any view, one click.');
    const repair = writeTarget(input({ reason: 'repair', news: undefined }))!;
    expect(repair.body.split('\n\n')[1]).toMatch(/^First, the fix/);
    for (const t of Object.values(DEFAULT_TEMPLATES))
      expect(`${t.subject}${t.body}`).not.toContain('{lastNote}');
  });

  it('with no news, the check-in draft reads well and holds no empty placeholder', () => {
    const t = writeTarget(input({ news: undefined }))!;
    expect(t.subject).toBe('Quick hello');
    expect(t.body).not.toMatch(/[{}]/);
  });

  it('a headline full of URL syntax reaches the compose subject intact', () => {
    const t = writeTarget(input({ news: { headline: NASTY } }))!;
    const params = new URL(t.url).searchParams;
    expect(t.kind).toBe('gmail-compose');
    expect(params.get('su')).toBe(NASTY.replace('\n', ' '));
    expect(params.get('body')).toContain(NASTY);
    expect(params.get('to')).toBe('ada+crm@example.com');
  });

  it('uses the account last used, the last thread when asked, LinkedIn for LinkedIn-only people', () => {
    const reach = {
      gmailAccount: 2,
      gmailThreadUrl: 'https://mail.google.com/mail/u/2/#all/FMfcgzQXJWDsKmbfTfVnPbVvVvRwPbJq',
    };
    expect(new URL(writeTarget(input({ reach }))!.url).pathname).toBe('/mail/u/2/');
    const thread = writeTarget(
      input({ reach, settings: { ...DEFAULT_COMPOSE, openLastThread: true } }),
    )!;
    expect(thread).toMatchObject({ kind: 'gmail-thread', url: reach.gmailThreadUrl });
    const linkedinOnly = { ...ada, emails: [] };
    expect(writeTarget(input({ contact: linkedinOnly }))).toMatchObject({
      kind: 'linkedin',
      url: 'https://www.linkedin.com/in/ada-lovelace/',
      label: 'Write to Ada',
    });
    expect(writeTarget(input({ contact: { ...linkedinOnly, linkedin: [] } }))).toBeNull();
  });

  it('a note fits one line', () => {
    expect(oneLine('\n  shipment late  \nmore')).toBe('shipment late');
    expect(oneLine('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('the compose warning', () => {
  const base = {
    lastOutcome: 'negative' as const,
    lastTouchAt: NOW - 3 * DAY,
    touchCount: 1,
    lastPositiveAt: null,
    goodwillAtLastTouch: -1,
    halfLifeDays: 30,
  };
  it('names a negative last impression, its age and note, and says to lead with the fix', () => {
    expect(
      composeWarning(base, { note: 'shipment late\nmore detail', at: base.lastTouchAt }, NOW),
    ).toBe("Last impression negative, 3 days ago: 'shipment late'. Lead with the fix.");
    expect(composeWarning(base, undefined, NOW)).toBe(
      'Last impression negative, 3 days ago. Lead with the fix.',
    );
  });
  it('names an overdrawn balance after a neutral touch, and says nothing for a healthy contact', () => {
    expect(composeWarning({ ...base, lastOutcome: 'neutral' }, undefined, NOW)).toMatch(
      /^Goodwill overdrawn \(-0\.9\)/,
    );
    expect(
      composeWarning({ ...base, lastOutcome: 'positive', goodwillAtLastTouch: 1 }, undefined, NOW),
    ).toBeNull();
    expect(composeWarning({ ...base, lastTouchAt: null }, undefined, NOW)).toBeNull();
  });
});
