/** Starts bench/server-child.ts as a child process and reads its memory from /proc. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface ServerProcess {
  url: string;
  pid: number;
  /** Peak and current resident set size in MB (VmHWM, VmRSS). */
  memory(): { peakMb: number; rssMb: number };
  stop(): Promise<void>;
}

export async function startServerProcess(options: {
  dataDir: string;
  apiKey: string;
  databaseUrl?: string;
  /** Extra environment for the server (e.g. PROMPTLOG_RETENTION_DAYS). */
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bench/server-child.ts'], {
    env: {
      ...process.env,
      BENCH_DATA_DIR: options.dataDir,
      BENCH_API_KEY: options.apiKey,
      DATABASE_URL: options.databaseUrl ?? '',
      NODE_ENV: 'production',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = await new Promise<{ url: string; pid: number }>((resolve, reject) => {
    if (!child.stdout) return reject(new Error('server child has no stdout'));
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      try {
        const parsed = JSON.parse(line) as { url?: string; pid?: number };
        if (parsed.url && parsed.pid) resolve({ url: parsed.url, pid: parsed.pid });
      } catch {
        // A log line that merely starts with "{": keep waiting.
      }
    });
    exited.then((code) => reject(new Error(`server child exited with code ${code} before listening`)));
  });
  // Keep draining stdout so the child never blocks on a full pipe.
  child.stdout?.resume();
  return {
    ...ready,
    memory: () => readMemory(ready.pid),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function readMemory(pid: number): { peakMb: number; rssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}
