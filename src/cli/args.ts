// A tiny argument parser shared by every command: `--flag value`, `--flag=value`, repeated flags, switches and
// `--` (everything after it is positional). Bad arguments are a value ({ ok: false, message }), one line long.

/** 'value': at most once; 'values': repeatable; 'switch': no value. */
export type FlagKind = 'value' | 'values' | 'switch';
export type FlagSpecs = Readonly<Record<string, FlagKind>>;

export type ParsedFlags<S extends FlagSpecs> = {
  [K in keyof S]: S[K] extends 'values' ? string[] : S[K] extends 'switch' ? boolean : string | undefined;
};

export type ParsedArgs<S extends FlagSpecs> = { flags: ParsedFlags<S>; positionals: string[]; help: boolean };

export type ArgsResult<S extends FlagSpecs> = ({ ok: true } & ParsedArgs<S>) | { ok: false; message: string };

export type ParseOptions = { maxPositionals?: number };

/** `--help` and `-h` are understood by every command. */
export function parseArgs<S extends FlagSpecs>(argv: readonly string[], specs: S, options: ParseOptions = {}): ArgsResult<S> {
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  const positionals: string[] = [];
  let help = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) return fail(`unknown option ${arg}`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const kind = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (kind === undefined) return fail(`unknown option --${name}`);
    if (kind === 'switch') {
      if (eq !== -1) return fail(`--${name} takes no value`);
      switches.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      // a following option is not a value: `--trust --now x` means --trust was left without one
      if (next === undefined || (next.startsWith('--') && next.length > 2)) return fail(`--${name} needs a value`);
      value = next;
      i++;
    }
    const list = values.get(name) ?? [];
    if (kind === 'value' && list.length > 0) return fail(`--${name} can be given only once`);
    list.push(value);
    values.set(name, list);
  }

  const max = options.maxPositionals ?? 0;
  if (!help && positionals.length > max) {
    const extra = positionals[max]!;
    return fail(max === 0 ? `unexpected argument ${quote(extra)}` : `too many arguments (unexpected ${quote(extra)})`);
  }

  const flags: Record<string, string | string[] | boolean | undefined> = {};
  for (const [name, kind] of Object.entries(specs)) {
    if (kind === 'switch') flags[name] = switches.has(name);
    else if (kind === 'values') flags[name] = values.get(name) ?? [];
    else flags[name] = values.get(name)?.[0];
  }
  return { ok: true, flags: flags as ParsedFlags<S>, positionals, help };
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

function quote(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return JSON.stringify(shown);
}
