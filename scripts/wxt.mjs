// `node scripts/wxt.mjs <wxt args>`: WXT, whose build spinner writes escape codes even into a
// pipe or a CI log, with plain output when stdout is not a terminal (scripts/plain-output.mjs).
import path from 'node:path';
import { runPlain } from './plain-output.mjs';

const wxtBin = path.join(import.meta.dirname, '..', 'node_modules', 'wxt', 'bin', 'wxt.mjs');

process.exit(await runPlain(process.execPath, [wxtBin, ...process.argv.slice(2)]));
