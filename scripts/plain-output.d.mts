import type { SpawnOptions } from 'node:child_process';

export function plainLine(line: string): string;
export function plainWriter(out: { write(text: string): unknown }): {
  write(chunk: string | Uint8Array): void;
  end(): void;
};
export function runPlain(command: string, args: string[], options?: SpawnOptions): Promise<number>;
