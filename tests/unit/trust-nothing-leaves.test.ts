import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm test` builds before the unit tests; this reads the build the browser would load.
const OUT_DIR = path.resolve(process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

function built(ext: string): { file: string; text: string }[] {
  if (!existsSync(OUT_DIR)) throw new Error(`${OUT_DIR} is missing: run \`npx wxt build\` first`);
  return files(OUT_DIR)
    .filter((f) => f.endsWith(ext))
    .map((file) => ({ file: path.relative(OUT_DIR, file), text: readFileSync(file, 'utf8') }));
}

describe('Nothing leaves the machine: no remote or generated code in the build', () => {
  const scripts = built('.js');

  it('Nothing leaves the machine: the build has scripts to check (background, pages, content scripts)', () => {
    const names = scripts.map((s) => s.file);
    expect(names).toContain('background.js');
    expect(names.some((n) => n.startsWith('content-scripts/'))).toBe(true);
  });

  it('Nothing leaves the machine: no eval, no new Function, no string timers in any built script', () => {
    for (const { file, text } of scripts) {
      expect(text, file).not.toMatch(/(^|[^\w$.])eval\s*\(/);
      expect(text, file).not.toMatch(/new\s+Function\s*\(/);
      expect(text, file).not.toMatch(/set(Timeout|Interval)\(\s*['"`]/);
    }
  });

  it('Nothing leaves the machine: no script is loaded or imported from the network', () => {
    const remote = /(import\s*\(\s*|importScripts\s*\(\s*|from\s*|import\s*)['"`]\s*(https?:)?\/\//;
    for (const { file, text } of scripts) expect(text, file).not.toMatch(remote);
    for (const { file, text } of built('.html')) {
      expect(text, file).not.toMatch(/<script[^>]+src\s*=\s*["']?\s*(https?:)?\/\//i);
      expect(text, file).not.toMatch(/<link[^>]+href\s*=\s*["']?\s*(https?:)?\/\//i);
    }
  });

  it('Nothing leaves the machine: no request is built to a remote address (fetch, beacon, socket)', () => {
    const call =
      /(fetch|sendBeacon|new\s+WebSocket|new\s+EventSource|\.open)\s*\(\s*(['"`][A-Z]+['"`]\s*,\s*)?['"`](https?|wss?):\/\//;
    for (const { file, text } of scripts) expect(text, file).not.toMatch(call);
  });

  it('Nothing leaves the machine: the manifest keeps the default extension content security policy', () => {
    const manifest = JSON.parse(readFileSync(path.join(OUT_DIR, 'manifest.json'), 'utf8')) as {
      content_security_policy?: unknown;
      sandbox?: unknown;
      update_url?: unknown;
    };
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.sandbox).toBeUndefined();
    expect(manifest.update_url).toBeUndefined();
  });
});
