/**
 * The "busy" condition of `npm run bench -- --busy`: one process spinning a CPU core and one
 * logging requests at 200/s to the server under test, both stopped by PID afterwards.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const WRITES_PER_SECOND = 200;

export interface BusyLoad {
  /** Stops both; returns what the writer logged. */
  stop(): Promise<{ sent: number; failed: number }>;
}

function stopChild(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    if (child.exitCode !== null) return resolve(out);
    child.once('exit', () => resolve(out));
    child.kill('SIGTERM');
  });
}

export function startBusyLoad(baseUrl: string, apiKey: string): BusyLoad {
  // Spins, and exits by itself if the bench dies without stopping it.
  const burner = spawn(
    process.execPath,
    [
      '-e',
      `for (;;) { for (let i = 0; i < 1e7; i++); if (process.ppid !== ${process.pid}) process.exit(0); }`,
    ],
    { stdio: 'ignore' },
  );
  const writer = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('./busy-writer.ts', import.meta.url)),
      baseUrl,
      apiKey,
      String(WRITES_PER_SECOND),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return {
    async stop() {
      const [, out] = await Promise.all([stopChild(burner), stopChild(writer)]);
      try {
        return JSON.parse(out.trim().split('\n').at(-1) ?? '') as { sent: number; failed: number };
      } catch {
        return { sent: 0, failed: 0 };
      }
    },
  };
}

/** Budgets that must hold in the busy column (issue #15), by browser row name. */
export const BUSY_BROWSER_BUDGETS_MS: Record<string, number> = {
  'table: navigation → first rows (cold)': 1200,
  'table: filter change → updated rows': 400,
  'drawer: row click → content (prefetched)': 200,
  'drawer: row click → content (cold)': 200,
};
