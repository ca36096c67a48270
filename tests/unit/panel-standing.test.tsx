// @vitest-environment jsdom
import { useLiveQuery } from 'dexie-react-hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { useStore } from 'zustand';
import { GoodwillTip } from '../../components/panel/GoodwillTip';
import { NudgeBanner } from '../../components/panel/NudgeBanner';
import { PanelContext } from '../../components/panel/panel-context';
import { Standing } from '../../components/panel/Standing';
import type { LastImpressionDb } from '../../lib/db/database';
import { getSettings } from '../../lib/db/settings';
import { logTouch, recentTouches } from '../../lib/db/touches';
import { GMAIL_HOST } from '../../lib/hosts/gmail-site';
import type { Outcome } from '../../lib/model';
import { createActions } from '../../lib/panel/actions';
import { createPanelStore, type PanelStore } from '../../lib/panel/store';
import type { ContactView } from '../../lib/panel/view';
import { snoozeUntil } from '../../lib/snooze';
import { makeTestDb } from '../support/db';
import { render, screen, userEvent, within } from '../support/ui';

const DAY = 86_400_000;
/** Midday local time, so "3 days ago" is three calendar days in any zone. */
const NOW = new Date(2026, 4, 20, 12).getTime();
const ADA = 'ada@example.com';

let db: LastImpressionDb;
afterEach(() => db?.close());

/** Ada, with the touches given as [days ago, outcome, good news?], logged as the panel logs. */
async function ada(touches: [number, Outcome, boolean?][]): Promise<string> {
  db = makeTestDb();
  let id = '';
  for (const [daysAgo, outcome, goodNews] of touches) {
    const logged = await logTouch(
      db,
      {
        identity: { kind: 'email', value: ADA },
        name: 'Ada Lovelace',
        at: NOW - daysAgo * DAY,
        channel: 'email',
        outcome,
        ...(goodNews ? { goodNews: true } : {}),
        source: 'gmail',
      },
      NOW - daysAgo * DAY,
    );
    if (!logged.ok) throw new Error(logged.error);
    id = logged.value.contact.id;
  }
  return id;
}

/** The panel's parts as the frame draws them: a live view of the contact, a store at `NOW`. */
function Panel({ id, store }: { id: string; store: PanelStore }) {
  const view = useLiveQuery(async (): Promise<ContactView | null> => {
    const contact = await db.contacts.get(id);
    if (!contact) return null;
    return { contact, recent: await recentTouches(db, id, 5), settings: await getSettings(db) };
  }, [id]);
  const tipOpen = useStore(store, (s) => s.tipOpen);
  if (view === undefined) return <p>Loading…</p>;
  const actions = createActions({
    db,
    store,
    site: () => 'gmail',
    defaultChannel: () => 'email',
    setTimeout: () => undefined,
    now: () => NOW,
  });
  return (
    <PanelContext.Provider
      value={{ store, actions, host: GMAIL_HOST, person: null, view, views: undefined }}
    >
      <Standing view={view} />
      {view && <NudgeBanner view={view} />}
      {tipOpen && <GoodwillTip view={view} />}
    </PanelContext.Provider>
  );
}

async function renderPanel(id: string) {
  const store = createPanelStore();
  store.getState().tick(NOW);
  render(<Panel id={id} store={store} />);
  await screen.findByTestId('li-goodwill');
  return store;
}

describe('the nudge line in the panel', () => {
  it('says a bad last impression needs repair, and why', async () => {
    await renderPanel(
      await ada([
        [10, 'positive'],
        [3, 'negative'],
      ]),
    );
    expect(screen.getByText('Time to repair')).toBeTruthy();
    expect(screen.getByText(/last impression negative, 3 days ago/)).toBeTruthy();
  });

  it('says good news is due when the cadence has passed since the last positive touch', async () => {
    await renderPanel(await ada([[20, 'positive']]));
    expect(screen.getByText('Time to share good news')).toBeTruthy();
    expect(screen.getByText(/20 days since a positive touch/)).toBeTruthy();
  });

  it('shows nothing for a contact in good standing', async () => {
    await renderPanel(await ada([[2, 'positive']]));
    expect(screen.queryByText(/^Time to/)).toBeNull();
    expect(screen.queryByRole('group', { name: 'Snooze this nudge' })).toBeNull();
  });

  it('snoozed for a week, the nudge leaves the panel and returns that morning', async () => {
    const user = userEvent.setup();
    const id = await ada([[3, 'negative']]);
    await renderPanel(id);
    const snooze = screen.getByRole('group', { name: 'Snooze this nudge' });
    expect(
      within(snooze)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['1 day', '1 week', '1 month']);
    await user.click(within(snooze).getByRole('button', { name: 'Snooze 1 week' }));
    await expect.poll(() => screen.queryByText('Time to repair')).toBeNull();
    expect((await db.contacts.get(id))?.snoozedUntil).toBe(snoozeUntil('1 week', NOW));
  });

  it('offers no snooze while a write is on its way', async () => {
    const store = await renderPanel(await ada([[3, 'negative']]));
    store.getState().setBusy(true);
    const buttons = await screen.findAllByRole('button', { name: /^Snooze / });
    await expect.poll(() => buttons.every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
  });
});

describe('the goodwill figure and its explanation', () => {
  it('reads the balance and its word, and explains it on hover', async () => {
    const user = userEvent.setup();
    await renderPanel(
      await ada([
        [30, 'negative'],
        [3, 'positive', true],
        [1, 'negative'],
      ]),
    );
    // 2·0.5^(3/30) − 0.5^(1/30) − 0.5 ≈ 0.38
    const figure = screen.getByTestId('li-goodwill');
    expect(figure.textContent).toBe('0.4 · low');
    expect(figure.getAttribute('data-balance')).toBe('0.4');
    expect(screen.queryByRole('tooltip')).toBeNull();

    await user.hover(figure);
    const tip = screen.getByRole('tooltip');
    expect(tip.textContent).toContain('Goodwill 0.4: each touch fades by half every 30 days.');
    expect(
      within(tip)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '−1 negative, 1 day ago → −0.98',
      '+2 good news, 3 days ago → +1.87',
      '−1 negative, 30 days ago → −0.50',
    ]);
    await user.unhover(figure);
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('gives keyboard users the same explanation, as the figure’s description', async () => {
    const user = userEvent.setup();
    await renderPanel(await ada([[1, 'negative']]));
    const figure = screen.getByTestId('li-goodwill');
    expect(figure.textContent).toBe('−1.0 · overdrawn');
    expect(figure.getAttribute('data-balance')).toBe('-1');
    await user.tab();
    expect(document.activeElement).toBe(figure);
    const tip = screen.getByRole('tooltip');
    expect(figure.getAttribute('aria-describedby')).toBe(tip.id);
    // One minus sign for the figure and its parts alike.
    expect(tip.textContent).toContain('Goodwill −1.0');
    expect(tip.textContent).toContain('−1 negative, 1 day ago → −0.98');
    await user.tab();
    expect(screen.queryByRole('tooltip')).toBeNull();
  });
});
