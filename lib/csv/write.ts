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

/** RFC 4180 with a BOM so spreadsheet programs detect UTF-8; every field quoted, CRLF endings. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const lines = rows.map((row) =>
    row.map((cell) => `"${escapeCell(cell).replace(/"/g, '""')}"`).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
