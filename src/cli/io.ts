// What a command may touch: streams, the working directory and files. Commands never reach for `process` or
// `node:fs` themselves, so tests can run them in-process with an in-memory CliIo (see node-io.ts for the real one).

export type WriteOptions = {
  /** File mode for a new file (0o600 for private keys). */
  mode?: number;
  /** Replace an existing file; without it, an existing file is an error (code 'EEXIST'). */
  overwrite: boolean;
};

export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** All of standard input as text. */
  readStdin: () => Promise<string>;
  /** Relative paths are resolved against this directory. */
  cwd: string;
  /** Reads a file as UTF-8 text; rejects when it cannot be read. */
  readText: (path: string) => Promise<string>;
  /** Writes a file, creating its parent directories first. */
  writeFile: (path: string, data: string | Uint8Array, options: WriteOptions) => Promise<void>;
  exists: (path: string) => Promise<boolean>;
  /** `path` read relative to the directory of `file` (an issuer file's key paths); absolute paths stay as they are. */
  besideFile: (file: string, path: string) => string;
  /** The current time in seconds (NumericDate). */
  now: () => number;
};

/** The command contract: a new command is one file in commands/ and one entry in main.ts's COMMANDS. */
export type Command = {
  name: string;
  summary: string;
  usage: string;
  run: (args: string[], io: CliIo) => Promise<number>;
};
