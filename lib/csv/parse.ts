import Papa from 'papaparse';

export type ParsedCsv = { ok: true; rows: string[][] } | { ok: false; error: string };

/** Excel writes semicolons where the decimal mark is a comma (most of Europe); tabs from pastes. */
const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter that cleanly splits the header row into the most columns, commas first on a tie.
 * Papa's own guess weighs every row alike, so a few notes full of semicolons could flip a comma
 * file (our own exports included) to semicolons; a header row names columns and holds no notes.
 */
function delimiterOf(text: string): string {
  let best: { delimiter: string; columns: number } = { delimiter: ',', columns: 0 };
  for (const delimiter of DELIMITERS) {
    const header = Papa.parse<string[]>(text, { delimiter, preview: 1 });
    const columns = header.data[0]?.length ?? 0;
    if (header.errors.length === 0 && columns > best.columns) best = { delimiter, columns };
  }
  return best.delimiter;
}

/** The 1-based line of character `index`: CRLF, LF and lone CR each end a line. */
function lineAt(text: string, index: number): number {
  return (text.slice(0, index).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}

/**
 * CSV as spreadsheets write it, through Papa Parse: RFC 4180 quoting (commas, doubled quotes and
 * line breaks inside quotes), the delimiter (comma, semicolon or tab) read off the header row, a
 * leading BOM dropped, a blank last line not a record. A broken quote is refused with the line it
 * is on, rather than read as a guess.
 */
export function parseCsv(input: string): ParsedCsv {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const { data, errors } = Papa.parse<string[]>(text, { delimiter: delimiterOf(text) });
  const quote = errors.find((e) => e.type === 'Quotes');
  if (quote) {
    const line = lineAt(text, quote.index ?? 0);
    return {
      ok: false,
      error:
        quote.code === 'MissingQuotes'
          ? `A quoted field opened on line ${line} is never closed.`
          : `Line ${line}: a quoted field goes on after its closing quote.`,
    };
  }
  const last = data.at(-1);
  // Papa reads the final line break as the start of one more, empty record.
  if (/[\r\n]$/.test(text) && last?.length === 1 && last[0] === '') data.pop();
  return { ok: true, rows: data };
}
