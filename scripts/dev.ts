/**
 * `npm run dev`: the API server (restarted on server/ and contract/ changes) and Vite's dev server with
 * hot reload for the SPA, which proxies /api to the API server. Open the URL Vite prints, then sign in
 * with the `#key=` link the API server prints (same key, Vite's port).
 */
import { type ChildProcess, spawn } from 'node:child_process';

const apiPort = process.env.PORT ?? '8787';
const children: ChildProcess[] = [
  spawn(
    process.execPath,
    ['--watch-path=server', '--watch-path=contract', '--import', 'tsx', 'server/main.ts'],
    { stdio: 'inherit', env: { ...process.env, PORT: apiPort } },
  ),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js'], {
    stdio: 'inherit',
    env: { ...process.env, PROMPTLOG_API_URL: `http://127.0.0.1:${apiPort}` },
  }),
];

let stopping = false;
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
