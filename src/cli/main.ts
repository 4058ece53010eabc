// The carers-passport command: a registry of commands and the guard that keeps bad input to one line, exit 2.

import { adminCommand } from './commands/admin.ts';
import { bundleCommand } from './commands/bundle.ts';
import { issueCommand } from './commands/issue.ts';
import { keygenCommand } from './commands/keygen.ts';
import { statusCommand } from './commands/status.ts';
import { verifyCommand } from './commands/verify.ts';
import { EXIT_USAGE, EXIT_VALID, UsageError, oneLine } from './errors.ts';
import type { CliIo, Command } from './io.ts';

/** Every command, in the order `--help` lists them. A new command is its own file, its import and one entry here. */
export const COMMANDS: Command[] = [
  verifyCommand,
  keygenCommand,
  issueCommand,
  statusCommand,
  bundleCommand,
  adminCommand,
];

export const PROGRAM = 'carers-passport';

export function topUsage(commands: readonly Command[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Checks and issues Digital Carers Passports (spec: carers-passport-v1).',
    '',
    'Commands:',
    ...lines,
    '',
    `Run "${PROGRAM} <command> --help" for a command's options.`,
    '',
  ].join('\n');
}

/** Runs one command line; returns the exit status. Never throws: the guard turns every failure into one line. */
export async function main(argv: readonly string[], io: CliIo, commands: readonly Command[] = COMMANDS): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(topUsage(commands));
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const named = first === 'help' && rest[0] !== undefined ? commands.find((c) => c.name === rest[0]) : undefined;
    if (first === 'help' && rest[0] !== undefined && !named) return fail(io, `unknown command ${JSON.stringify(rest[0])}`);
    io.stdout(named ? named.usage : topUsage(commands));
    return EXIT_VALID;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) return fail(io, `unknown command ${JSON.stringify(first)} (commands: ${commands.map((c) => c.name).join(', ')})`);
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) return fail(io, `${command.name}: ${error.message}`);
    if (process.env.CARERS_PASSPORT_DEBUG) io.stderr(`${(error as Error)?.stack ?? String(error)}\n`);
    io.stderr(`${PROGRAM} ${command.name}: internal error: ${oneLine(error)}\n`);
    // not 1: a script must never read a failure to check as "this passport is invalid" (spec section 6)
    return EXIT_USAGE;
  }
}

function fail(io: CliIo, message: string): number {
  io.stderr(`${PROGRAM} ${message}\n`);
  return EXIT_USAGE;
}
