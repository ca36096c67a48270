// Runs every check in order and ends with one line "N passed, N failed, N skipped" for CI.
// Static checks (typecheck, lint, AMO lint) count as one test each; Vitest (unit and Firefox)
// and Playwright report their own counts through JSON files written outside test-results/.
// Skipped tests are those needing ../shared/fixtures in a clone without it; each says why.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const reports = 'reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function step(label, command, args) {
  if (run(label, command, args)) passed += 1;
  else {
    failed += 1;
    console.log(`✗ ${label} failed`);
  }
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

// `npm run zip` builds both extensions and packs the store zips (checked by the unit tests).
const built = run('build and zip', 'node', ['scripts/zip.mjs']);
if (!built) failed += 1;
if (built) step('AMO lint', 'node', ['scripts/amo-lint.mjs']);
step('typecheck', 'npx', ['tsc', '--noEmit']);
step('lint', 'npx', ['eslint', '.']);
step('format', 'npx', ['prettier', '--check', '.']);

// LI_BUILT_FIRST: the build above ran, so a test that measures it fails rather than skips
// when it finds nothing to measure.
const vitestOk = run(
  'unit tests',
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reports}/vitest.json`,
  ],
  { LI_BUILT_FIRST: '1' },
);
const vitest = readJson(`${reports}/vitest.json`);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests + (vitestOk || vitest.numFailedTests ? 0 : 1);
  skipped += vitest.numPendingTests + vitest.numTodoTests;
} else failed += 1;

if (built) {
  const e2eOk = run('e2e tests', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json`,
  });
  const e2e = readJson(`${reports}/playwright.json`);
  if (e2e) {
    passed += e2e.stats.expected + e2e.stats.flaky;
    failed += e2e.stats.unexpected + (e2eOk || e2e.stats.unexpected ? 0 : 1);
    skipped += e2e.stats.skipped;
  } else failed += 1;
}

if (built) {
  const firefoxOk = run('firefox tests', 'npx', [
    'vitest',
    'run',
    '--config=tests/firefox/vitest.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reports}/firefox.json`,
  ]);
  const firefox = readJson(`${reports}/firefox.json`);
  if (firefox) {
    passed += firefox.numPassedTests;
    failed += firefox.numFailedTests + (firefoxOk || firefox.numFailedTests ? 0 : 1);
    skipped += firefox.numPendingTests + firefox.numTodoTests;
  } else failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);
