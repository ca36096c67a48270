// `npm run bench [-- --small] [-- --no-build] [-- --no-scaling] [-- --baseline=<git ref>]`:
// builds the extension into
// .output-bench (never disturbing the test build), runs bench/extension.bench.ts in Debian's
// Chromium, prints the figures against their budgets and writes bench-results/bench.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatReport } from '../bench/format.mjs';

const args = new Set(process.argv.slice(2).filter((a) => !a.startsWith('--baseline=')));
const small = args.has('--small');
// WXT_OUT_DIR picks another build folder (with --no-build: compare two builds).
const outDir = process.env.WXT_OUT_DIR ?? '.output-bench';
const json = 'bench-results/bench.json';

function run(command, argv, env = {}) {
  console.log(`▶ ${command} ${argv.join(' ')}`);
  const result = spawnSync(command, argv, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

if (!args.has('--no-build') && !run('npx', ['wxt', 'build'], { WXT_OUT_DIR: outDir })) {
  process.exit(1);
}

// --baseline=<ref>: that commit built beside this one, and every main figure taken for both
// in the same run ("before" and "after"), so a change is judged against the same noise.
const baselineRef = process.argv.find((a) => a.startsWith('--baseline='))?.slice(11);
let baselineDir;
if (baselineRef) {
  const root = path.resolve('.bench-baseline');
  const src = path.join(root, 'src');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  const archive = spawnSync('git', ['archive', '--format=tar', baselineRef], {
    maxBuffer: 1 << 30,
  });
  if (archive.status !== 0) {
    console.error(`git archive ${baselineRef} failed: ${archive.stderr}`);
    process.exit(1);
  }
  spawnSync('tar', ['-x', '-C', src], { input: archive.stdout });
  symlinkSync(path.resolve('node_modules'), path.join(src, 'node_modules'));
  const built = spawnSync('npx', ['wxt', 'build'], {
    cwd: src,
    stdio: 'inherit',
    env: { ...process.env, WXT_OUT_DIR: path.join(root, 'out') },
  });
  if (built.status !== 0) process.exit(1);
  baselineDir = path.join(root, 'out', 'chrome-mv3');
}
rmSync(json, { force: true });
const ok = run('npx', ['playwright', 'test', '-c', 'bench/playwright.bench.config.ts'], {
  EXTENSION_DIR: `${outDir}/chrome-mv3`,
  BENCH_MODE: small ? 'small' : 'full',
  ...(args.has('--no-scaling') ? { BENCH_SCALING: '0' } : {}),
  ...(baselineDir ? { BASELINE_DIR: baselineDir } : {}),
});

let report;
try {
  report = JSON.parse(readFileSync(json, 'utf8'));
} catch {
  console.error(`No ${json}: the benchmark did not get far enough to write it.`);
  process.exit(1);
}
const text = formatReport(report);
console.log(`\n${text}`);
writeFileSync('bench-results/bench.md', `${text}\n`);
console.log(`Written: ${json} and bench-results/bench.md`);
const failed = report.figures.filter((f) => f.pass === false).length;
process.exit(ok && failed === 0 ? 0 : 1);
