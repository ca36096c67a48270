// @vitest-environment jsdom
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ChannelRadios } from '../../components/log/ChannelRadios';
import { LogButtons } from '../../components/log/LogButtons';
import type { Channel } from '../../lib/model';
import { render, screen, userEvent, within } from '../support/ui';

describe('the log buttons', () => {
  it('log the outcome the rep clicks, one click each', async () => {
    const user = userEvent.setup();
    const onLog = vi.fn();
    render(<LogButtons onLog={onLog} />);
    const group = screen.getByRole('group', { name: 'Log the outcome' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Log positive', 'Log neutral', 'Log negative']);
    await user.click(screen.getByRole('button', { name: 'Log negative' }));
    await user.click(screen.getByRole('button', { name: 'Log positive' }));
    expect(onLog.mock.calls).toEqual([['negative'], ['positive']]);
  });

  it('log nothing while disabled (a touch is on its way)', async () => {
    const user = userEvent.setup();
    const onLog = vi.fn();
    render(<LogButtons onLog={onLog} disabled />);
    for (const button of screen.getAllByRole('button')) {
      expect(button).toHaveProperty('disabled', true);
      await user.click(button);
    }
    expect(onLog).not.toHaveBeenCalled();
  });
});

/** The radios as a site uses them: it holds the value and passes it back in. */
function Channels(props: { channels: readonly Channel[]; onChange?: (c: Channel) => void }) {
  const [value, setValue] = useState(props.channels[0]!);
  return (
    <ChannelRadios
      channels={props.channels}
      value={value}
      onChange={(channel) => {
        setValue(channel);
        props.onChange?.(channel);
      }}
    />
  );
}

describe('the channel radios', () => {
  it('offer only the channels the site gives, its default checked', () => {
    render(<Channels channels={['linkedin', 'call', 'meeting']} />);
    const group = screen.getByRole('radiogroup', { name: 'Channel' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((r) => r.closest('label')?.textContent)).toEqual([
      'LinkedIn',
      'Call',
      'Meeting',
    ]);
    expect(screen.getByRole('radio', { name: 'LinkedIn' })).toHaveProperty('checked', true);
  });

  it('switch to the channel the rep picks by its label, and report it', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Channels channels={['email', 'call', 'meeting']} onChange={onChange} />);
    await user.click(screen.getByText('Call'));
    expect(screen.getByRole('radio', { name: 'Call' })).toHaveProperty('checked', true);
    expect(screen.getByRole('radio', { name: 'Email' })).toHaveProperty('checked', false);
    expect(onChange).toHaveBeenLastCalledWith('call');
  });

  it('two groups on one page stay apart', async () => {
    const user = userEvent.setup();
    render(
      <>
        <Channels channels={['email', 'call']} />
        <Channels channels={['email', 'call']} />
      </>,
    );
    const [first, second] = screen.getAllByRole('radiogroup', { name: 'Channel' });
    await user.click(within(first!).getByRole('radio', { name: 'Call' }));
    expect(within(first!).getByRole('radio', { name: 'Call' })).toHaveProperty('checked', true);
    expect(within(second!).getByRole('radio', { name: 'Email' })).toHaveProperty('checked', true);
  });
});
