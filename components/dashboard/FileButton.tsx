/** A button-like label that opens a file picker; the file picked goes to `onFile`, once. */
export function FileButton(props: {
  label: string;
  accept: string;
  onFile: (file: File | undefined) => void;
}) {
  return (
    <label className="li-file">
      {props.label}
      <input
        type="file"
        accept={props.accept}
        aria-label={props.label}
        onChange={(e) => {
          props.onFile(e.currentTarget.files?.[0]);
          // Picking the same file again is a new import.
          e.currentTarget.value = '';
        }}
      />
    </label>
  );
}
