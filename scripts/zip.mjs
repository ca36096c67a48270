// `npm run zip`: the store packages. Builds and zips the Chrome extension, then the Firefox
// one with the sources zip AMO asks for (WXT makes it for Firefox; wxt.config.ts says what goes
// in), and prints one size line per zip. tests/unit/release-zips.test.ts checks their contents.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { runPlain } from './plain-output.mjs';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.resolve(root, process.env.WXT_OUT_DIR ?? '.output');
const { name, version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const wxt = path.join(root, 'node_modules', 'wxt', 'bin', 'wxt.mjs');

/** The zips `wxt zip` writes, by WXT's default artifact and sources templates. */
const ZIPS = {
  chrome: `${name}-${version}-chrome.zip`,
  firefox: `${name}-${version}-firefox.zip`,
  sources: `${name}-${version}-sources.zip`,
};

for (const args of [['zip'], ['zip', '-b', 'firefox', '--mv3']]) {
  const code = await runPlain(process.execPath, [wxt, ...args], { cwd: root });
  if (code !== 0) process.exit(code);
}

console.log('');
for (const [label, file] of Object.entries(ZIPS)) {
  const size = statSync(path.join(outDir, file)).size;
  console.log(
    `${label.padEnd(8)} ${(size / 1000).toFixed(1).padStart(7)} kB  ${path.relative(root, path.join(outDir, file))}`,
  );
}
