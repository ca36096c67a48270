/** Windows-1252's 0x80-0x9F, which Latin-1 leaves as control characters (WHATWG's index). */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * The text of a CSV file as saved. UTF-8 (with or without a BOM) is what exports and Google Sheets
 * write; a file that is not valid UTF-8 is read as Windows-1252, which is what Excel on Windows
 * saves "CSV" as in Western locales, so "Zoë" stays "Zoë" instead of turning into "Zo�".
 */
export function decodeCsvBytes(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Browsers map 0x80-0x9F already; Node's decoder (where the tests run) treats it as Latin-1.
    return new TextDecoder('windows-1252')
      .decode(bytes)
      .replace(/[\u0080-\u009f]/gu, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]!);
  }
}
