// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { NudgeItem } from '../../components/popup/NudgeItem';
import { nudgeFor } from '../../lib/impressions';
import { DEFAULT_SETTINGS, type Contact } from '../../lib/model';
import { contactWith } from '../support/contacts';
import { render, screen, userEvent, within } from '../support/ui';

const NOW = new Date(2026, 2, 11, 12).getTime();

/** The popup's line for a contact, with its nudge from the same rule the popup uses. */
function renderItem(contact: Contact) {
  const nudge = nudgeFor(contact, DEFAULT_SETTINGS, NOW);
  if (!nudge) throw new Error(`${contact.name} is not due`);
  const handlers = { onLog: vi.fn(), onWrite: vi.fn(), onSnooze: vi.fn(), onDismiss: vi.fn() };
  render(
    <ul>
      <NudgeItem due={{ nudge, contact }} now={NOW} {...handlers} />
    </ul>,
  );
  return { ...handlers, item: screen.getByRole('listitem') };
}

describe('a nudge in the popup', () => {
  it('names the contact, their company and why: repair after a bad last impression', () => {
    const { item } = renderItem(
      contactWith(
        'Grace',
        [
          [20, 'positive'],
          [2, 'negative'],
        ],
        NOW,
        'Acme',
      ),
    );
    expect(within(item).getByText('Grace')).toBeTruthy();
    expect(item.textContent).toContain('· Acme');
    expect(within(item).getByText(/^Repair: /).textContent).toMatch(/^Repair: \S/);
  });

  it('says "Share good news" when the last positive touch is past the cadence', () => {
    const { item } = renderItem(contactWith('Ada', [[30, 'positive']], NOW));
    expect(within(item).getByText(/^Share good news: /).textContent).toMatch(/30 days/);
  });

  it('logs the outcome the rep clicks', async () => {
    const user = userEvent.setup();
    const { item, onLog } = renderItem(contactWith('Ada', [[30, 'positive']], NOW));
    await user.click(within(item).getByRole('button', { name: 'Log neutral' }));
    expect(onLog).toHaveBeenCalledExactlyOnceWith('neutral');
  });

  it('offers the snooze lengths only once Snooze is pressed, and snoozes for the one picked', async () => {
    const user = userEvent.setup();
    const { item, onSnooze } = renderItem(contactWith('Ada', [[30, 'positive']], NOW));
    const snooze = within(item).getByRole('button', { name: 'Snooze' });
    expect(within(item).queryByRole('group', { name: 'Snooze for' })).toBeNull();
    expect(snooze.getAttribute('aria-expanded')).toBe('false');

    await user.click(snooze);
    expect(snooze.getAttribute('aria-expanded')).toBe('true');
    const lengths = within(item).getByRole('group', { name: 'Snooze for' });
    expect(
      within(lengths)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['1 day', '1 week', '1 month']);
    await user.click(within(lengths).getByRole('button', { name: '1 week' }));
    expect(onSnooze).toHaveBeenCalledExactlyOnceWith('1 week');

    await user.click(snooze);
    expect(within(item).queryByRole('group', { name: 'Snooze for' })).toBeNull();
  });

  it('dismisses until the next touch', async () => {
    const user = userEvent.setup();
    const { item, onDismiss, onLog, onSnooze } = renderItem(
      contactWith('Ada', [[30, 'positive']], NOW),
    );
    const dismiss = within(item).getByRole('button', { name: 'Dismiss' });
    expect(dismiss.getAttribute('title')).toBe('Hide until the next touch');
    await user.click(dismiss);
    expect(onDismiss).toHaveBeenCalledOnce();
    expect(onLog).not.toHaveBeenCalled();
    expect(onSnooze).not.toHaveBeenCalled();
  });
});
