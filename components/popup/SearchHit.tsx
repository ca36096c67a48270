import { LogButtons } from '@/components/log/LogButtons';
import type { ContactHit } from '@/lib/db/search';
import type { Outcome } from '@/lib/model';

/** A contact found by the search box, with the same one-click logging as a nudge. */
export function SearchHit(props: { hit: ContactHit; onLog: (outcome: Outcome) => void }) {
  const { hit } = props;
  const detail = [hit.company, hit.emails[0] ?? hit.linkedin[0]].filter(Boolean).join(' · ');
  return (
    <li className="li-hit" data-testid="li-search-hit">
      <div>
        <strong>{hit.name}</strong>
        {detail ? <span className="li-muted"> · {detail}</span> : null}
      </div>
      <LogButtons onLog={props.onLog} />
    </li>
  );
}
