/** Operation errors, announced as they appear; nothing the user typed is cleared. */
export function ErrorText({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="li-error">
      {error}
    </p>
  ) : null;
}
