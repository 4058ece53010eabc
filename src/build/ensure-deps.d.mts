// Types for ensure-deps.mjs (plain JavaScript: it runs before any dependency is installed).
export function installReason(root?: string): string | undefined;
export function ensureDependencies(root?: string): void;
