/**
 * A cell a spreadsheet would read as a formula starts with one of these; leading apostrophes are
 * included so that escaping stays reversible (`'=x` is written `''=x` and read back as `'=x`).
 */
const FORMULA_LIKE = /^'*[=+\-@\t\r]/u;
const ESCAPED = /^''*[=+\-@\t\r]/u;

/** Prefixes an apostrophe so spreadsheet programs show the text instead of running it. */
export function escapeCell(text: string): string {
  return FORMULA_LIKE.test(text) ? `'${text}` : text;
}

/** Undoes `escapeCell`, so an exported file re-imports to the original text. */
export function unescapeCell(text: string): string {
  return ESCAPED.test(text) ? text.slice(1) : text;
}

/** A plain decimal number cannot run as a formula, whatever its sign. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/u;

/**
 * A figure the export computed itself, such as a goodwill balance. It is written as is, so a
 * spreadsheet reads "-0.2" as the number the dashboard shows rather than as the text "'-0.2";
 * anything that is not a plain number is escaped like any other cell.
 */
export interface NumberCell {
  readonly number: string;
}

export type CsvCell = string | NumberCell;

function cellText(cell: CsvCell): string {
  if (typeof cell === 'string') return escapeCell(cell);
  return PLAIN_NUMBER.test(cell.number) ? cell.number : escapeCell(cell.number);
}

/** RFC 4180 with a BOM so spreadsheet programs detect UTF-8; every field quoted, CRLF endings. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  const lines = rows.map((row) =>
    row.map((cell) => `"${cellText(cell).replace(/"/g, '""')}"`).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
