// AMO lint: Mozilla's addons-linter (what `web-ext lint` runs) on the Firefox build. Fails on
// any error, and on any warning whose code the README's "AMO lint" list does not explain, so
// that list stays true.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import linter from 'addons-linter';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.resolve(root, process.env.WXT_OUT_DIR ?? '.output', 'firefox-mv3');

const instance = linter.createInstance({
  config: { _: [dir], logLevel: 'fatal', output: 'none', boring: true, selfHosted: false },
  runAsBinary: false,
});
const result = await instance.run();

const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const section = readme.split('\n### AMO lint')[1]?.split('\n#')[0] ?? '';
const explained = (code) => section.includes(`\`${code}\``);

const where = (m) => [m.file, m.line].filter(Boolean).join(':');
for (const m of result.errors) console.log(`error   ${m.code} ${where(m)}: ${m.message}`);
for (const m of result.warnings) {
  const note = explained(m.code) ? '' : '  (not explained in README "AMO lint")';
  console.log(`warning ${m.code} ${where(m)}: ${m.message}${note}`);
}
const unexplained = result.warnings.filter((m) => !explained(m.code));
console.log(
  `AMO lint: ${result.errors.length} errors, ${result.warnings.length} warnings (${unexplained.length} unexplained), ${result.notices.length} notices`,
);
process.exit(result.errors.length === 0 && unexplained.length === 0 ? 0 : 1);
