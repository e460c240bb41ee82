/** Builds the SPA (vite build → dist/) so the browser section measures the current code. */
import { spawnSync } from 'node:child_process';

export function buildSpa(): { ok: true } | { ok: false; reason: string } {
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (result.status === 0) return { ok: true };
  return { ok: false, reason: `vite build failed (exit ${result.status ?? result.signal})` };
}
