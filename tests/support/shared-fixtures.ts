import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Real saved LinkedIn and Gmail pages live beside the repository, in ../shared/fixtures (see
 * the README, "Tests"): the team and CI have them, a stranger's clone does not. Tests that read
 * them are skipped there, with `SHARED_FIXTURES_SKIP` as the reason, and counted as skipped.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_FIXTURES = path.resolve(
  process.env.SHARED_FIXTURES ?? path.join(ROOT, '../shared/fixtures'),
);
export const HAVE_SHARED_FIXTURES = existsSync(SHARED_FIXTURES);
export const SHARED_FIXTURES_SKIP = `skipped: needs the saved LinkedIn and Gmail pages in ${SHARED_FIXTURES} (not in this clone; see README, "Tests")`;

export function sharedFixture(name: string): string {
  return readFileSync(path.join(SHARED_FIXTURES, name), 'utf8');
}

/** Says once per test file why its saved-page tests are skipped. */
export function announceSkip(file: string): void {
  if (!HAVE_SHARED_FIXTURES) console.warn(`${path.basename(file)}: ${SHARED_FIXTURES_SKIP}`);
}
