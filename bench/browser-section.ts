/** Runs every bench/browser/*.ts (each default-exports a BrowserBench) against the running server. */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findChromium } from '../e2e/chromium.ts';
import type { BenchResult, BrowserBench, BrowserBenchContext } from './types.ts';

export type BrowserOutcome =
  | { ran: true; results: BenchResult[]; failures: string[] }
  | { ran: false; reason: string };

const browserDir = fileURLToPath(new URL('./browser/', import.meta.url));

export function browserBenchFiles(): string[] {
  let names: string[];
  try {
    names = readdirSync(browserDir);
  } catch {
    return [];
  }
  return names.filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).sort();
}

export async function runBrowserSection(options: {
  skip: boolean;
  baseUrl: string;
  apiKey: string;
  /** `--only`: run just the browser benches whose file name it contains (`--only trace`), if any. */
  only: string | undefined;
}): Promise<BrowserOutcome> {
  if (options.skip) return { ran: false, reason: 'skipped (--skip-browser)' };
  const chromium = findChromium();
  if (!chromium.ok) return { ran: false, reason: `skipped: ${chromium.message}` };
  const all = browserBenchFiles();
  const named = all.filter((file) => options.only?.includes(file.replace(/\.ts$/, '')));
  const files = named.length > 0 ? named : all;
  if (files.length === 0) return { ran: false, reason: 'skipped: no bench/browser/*.ts yet' };
  const context: BrowserBenchContext = {
    baseUrl: options.baseUrl,
    apiKey: options.apiKey,
    chromiumPath: chromium.executablePath,
  };
  const results: BenchResult[] = [];
  const failures: string[] = [];
  for (const file of files) {
    try {
      const module = (await import(pathToFileURL(`${browserDir}${file}`).href)) as { default?: unknown };
      if (typeof module.default !== 'function') {
        failures.push(`${file}: no default-exported BrowserBench`);
        continue;
      }
      results.push(...(await (module.default as BrowserBench)(context)));
    } catch (error) {
      failures.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { ran: true, results, failures };
}
