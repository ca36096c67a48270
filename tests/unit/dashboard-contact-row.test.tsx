// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ContactTableRow } from '../../components/dashboard/ContactTableRow';
import { toRows } from '../../components/dashboard/contact-table';
import { DEFAULT_SETTINGS, type Contact } from '../../lib/model';
import { contactWith } from '../support/contacts';
import { render, screen, userEvent, within } from '../support/ui';

const NOW = new Date(2026, 2, 11, 12).getTime();

/** One row as the contacts table draws it: from the same rows the table computes. */
function renderRow(contact: Contact) {
  const [row] = toRows([contact], DEFAULT_SETTINGS, NOW);
  render(
    <div role="table" aria-label="Contacts">
      <div role="rowgroup">
        <ContactTableRow row={row!} rowIndex={2} />
      </div>
    </div>,
  );
  return within(screen.getByRole('row'))
    .getAllByRole('cell')
    .map((cell) => cell.textContent);
}

describe('a row of the contacts table', () => {
  afterEach(() => {
    window.location.hash = '';
  });

  it('shows a contact with a bad last impression as one to repair', () => {
    const cells = renderRow(
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
    expect(cells.slice(0, 5)).toEqual(['Gracerepair', 'Acme', 'grace@x.co', 'negative', '20 days']);
    expect(cells[5]).toMatch(/^-\d+\.\d · overdrawn$/);
    expect(cells[6]).toMatch(/^2026-03-09 \d\d:\d\d$/);
    expect(screen.getByText('repair').getAttribute('title')).toBe('repair');
  });

  it('shows a contact who has only just been told good news with no badge', () => {
    const cells = renderRow(contactWith('Bea', [[1, 'positive']], NOW));
    expect(cells.slice(0, 5)).toEqual(['Bea', '', 'bea@x.co', 'positive', '1 day']);
    expect(cells[5]).toMatch(/^\d+\.\d · (low|healthy)$/);
    expect(Number.parseFloat(cells[5]!)).toBeGreaterThan(0);
  });

  it('shows a contact never touched as "none yet" and "never", and due for good news', () => {
    const cells = renderRow(contactWith('Cy', [], NOW));
    expect(cells.slice(0, 5)).toEqual(['Cydue', '', 'cy@x.co', 'none yet', 'never']);
    expect(cells[6]).toBe('—');
  });

  it("opens the contact's timeline when the rep clicks the name", async () => {
    const user = userEvent.setup();
    const grace = contactWith('Grace', [[2, 'negative']], NOW);
    renderRow(grace);
    await user.click(screen.getByRole('link', { name: 'Grace' }));
    expect(window.location.hash).toBe(`#/contact/${encodeURIComponent(grace.id)}`);
  });
});
