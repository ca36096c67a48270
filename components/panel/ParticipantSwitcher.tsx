import { useId } from 'react';
import { currentPerson } from '@/lib/panel/store';
import { usePanel, usePanelState } from './panel-context';

/** Shown when a thread has several other participants; the most recent sender comes first. */
export function ParticipantSwitcher() {
  const { store } = usePanel();
  const screen = usePanelState((s) => s.screen);
  const person = usePanelState(currentPerson);
  const id = useId();
  if (screen.kind !== 'people' || screen.people.length < 2 || !person) return null;

  return (
    <div className="li-switcher">
      <label htmlFor={id}>Participant</label>
      <select
        id={id}
        value={person.key}
        onChange={(event) => store.getState().select(event.target.value)}
      >
        {screen.people.map((p) => (
          <option key={p.key} value={p.key}>
            {p.name ? `${p.name} (${p.identity.value})` : p.identity.value}
          </option>
        ))}
      </select>
    </div>
  );
}
