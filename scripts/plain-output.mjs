// Output for logs: when stdout is not a terminal, a child's spinner frames (carriage-return
// redraws, cursor hiding, line erasing) are folded into the line they end on and its escape
// codes dropped, so CI logs and pipes get plain text. On a terminal the child writes directly.
import { spawn } from 'node:child_process';

// CSI sequences (colours, cursor moves, erase line) and the two-byte ESC forms.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]/g;

/** One finished line as a terminal would leave it: the text after its last carriage return. */
export function plainLine(line) {
  const redraws = line.replace(ESCAPES, '').split('\r');
  while (redraws.length > 1 && redraws[redraws.length - 1] === '') redraws.pop();
  return redraws[redraws.length - 1];
}

/** A writable filter: feed it chunks, it writes plain lines to `out`. */
export function plainWriter(out) {
  let pending = '';
  return {
    write(chunk) {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) out.write(`${plainLine(line)}\n`);
    },
    end() {
      const last = plainLine(pending);
      if (last) out.write(`${last}\n`);
      pending = '';
    },
  };
}

/** Runs `command` and resolves with its exit code, its output plain unless stdout is a TTY. */
export function runPlain(command, args, options = {}) {
  const tty = process.stdout.isTTY === true;
  const child = spawn(command, args, {
    ...options,
    stdio: tty ? 'inherit' : ['inherit', 'pipe', 'pipe'],
  });
  if (!tty) {
    const out = plainWriter(process.stdout);
    const err = plainWriter(process.stderr);
    child.stdout.on('data', (c) => out.write(c));
    child.stderr.on('data', (c) => err.write(c));
    child.stdout.on('end', () => out.end());
    child.stderr.on('end', () => err.end());
  }
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}
