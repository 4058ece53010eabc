#!/usr/bin/env node
// The package's bin (spec section 6: `npx carers-passport` right after `npm ci`). Node 20 cannot run TypeScript,
// so this JavaScript shim registers tsx and loads the TypeScript entry.

process.stdout.on('error', (error) => {
  // a closed pipe (`carers-passport ... | head`) is not a failure of the command
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

try {
  const { register } = await import('tsx/esm/api');
  // tsconfig: false, so a tsconfig.json in the caller's directory never changes how the CLI's own files load
  register({ tsconfig: false });
  const { main } = await import('./main.ts');
  const { nodeIo } = await import('./node-io.ts');
  process.exitCode = await main(process.argv.slice(2), nodeIo());
} catch (error) {
  // the last guard: a broken install or a bug still ends in one line, exit 1 (main.ts handles bad input)
  if (process.env.CARERS_PASSPORT_DEBUG) console.error(error);
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`carers-passport: internal error: ${message.split('\n')[0]}\n`);
  process.exitCode = 1;
}
