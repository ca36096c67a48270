import { useId } from 'react';
import type { Channel } from '@/lib/model';

export const CHANNEL_NAMES: Record<Channel, string> = {
  email: 'Email',
  call: 'Call',
  meeting: 'Meeting',
  linkedin: 'LinkedIn',
  other: 'Other',
};

/** The "Channel" radio group; each site passes the channels it offers, its default first. */
export function ChannelRadios(props: {
  channels: readonly Channel[];
  value: Channel;
  onChange: (channel: Channel) => void;
}) {
  const name = useId();
  return (
    <fieldset className="li-channels" role="radiogroup" aria-label="Channel">
      {props.channels.map((channel) => (
        <label key={channel} className="li-channel">
          <input
            type="radio"
            name={name}
            value={channel}
            checked={props.value === channel}
            onChange={() => props.onChange(channel)}
          />
          {CHANNEL_NAMES[channel]}
        </label>
      ))}
    </fieldset>
  );
}
