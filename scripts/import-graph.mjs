// The project's own modules that some entry points load at run time, found by reading import
// statements. The lint zones use it to hold every module bundled into a content script to the
// content-script rules, whichever folder it sits in. Type-only imports are skipped: they leave
// nothing in a bundle.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function resolve(root, from, specifier) {
  let base;
  if (specifier.startsWith('@/')) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
  else return undefined;
  for (const extension of EXTENSIONS) {
    const file = base + extension;
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return undefined;
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Entry files matching `entry` among `entrypoints/`'s files and folders. */
export function entryFiles(root, entry) {
  const dir = path.join(root, 'entrypoints');
  return readdirSync(dir)
    .filter((name) => entry.test(name))
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    });
}

/** Repo-relative paths (forward slashes) of every module the entries load at run time. */
export function modulesReachedFrom(root, entries) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (match[1]) continue;
      const target = resolve(root, file, match[2] ?? match[3]);
      if (target && /\.tsx?$/.test(target)) queue.push(target);
    }
  }
  return [...seen].map((file) => path.relative(root, file).split(path.sep).join('/'));
}
