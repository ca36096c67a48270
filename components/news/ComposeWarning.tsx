/**
 * The one line shown while composing to a contact whose last impression is negative or whose
 * goodwill is overdrawn (text from `composeWarning` in lib/compose/warning.ts). It informs and
 * never blocks: no button, nothing to dismiss before sending.
 */
export function ComposeWarning(props: { warning: string | null }) {
  if (!props.warning) return null;
  return (
    <p className="li-compose-warning" data-testid="li-compose-warning" role="note">
      {props.warning}
    </p>
  );
}
