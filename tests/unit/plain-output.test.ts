import { describe, expect, it } from 'vitest';
import { plainLine, plainWriter } from '../../scripts/plain-output.mjs';

describe('plain output for logs', () => {
  it("folds WXT's spinner redraws into the line they end on, without escape codes", () => {
    // What WXT 0.21's build spinner writes, then its success line.
    const written =
      '\x1b[?25l\r\x1b[36m⠋\x1b[39m Preparing...\x1b[K\r\x1b[36m⠙\x1b[39m [1/4] background\x1b[K' +
      '\r\x1b[K\x1b[?25h\x1b[32m✔\x1b[39m Built extension in 10.4 s';
    expect(plainLine(written)).toBe('✔ Built extension in 10.4 s');
  });

  it('keeps ordinary lines and empty lines as they are', () => {
    expect(plainLine('ℹ Building firefox-mv3 for production')).toBe(
      'ℹ Building firefox-mv3 for production',
    );
    expect(plainLine('')).toBe('');
  });

  it('writes whole lines as chunks complete them, and the unfinished rest at the end', () => {
    const out: string[] = [];
    const writer = plainWriter({ write: (text: string) => out.push(text) });
    writer.write('\x1b[?25l\r⠋ Prep');
    writer.write('aring...\x1b[K\r\x1b[K\x1b[?25hdone\nnext ');
    writer.write('line');
    expect(out).toEqual(['done\n']);
    writer.end();
    expect(out.join('')).toBe('done\nnext line\n');
    expect(out.join('')).not.toContain('\x1b');
    expect(out.join('')).not.toContain('\r');
  });
});
