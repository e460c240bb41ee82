/**
 * The JavaScript a first visit downloads before the dashboard can run: the entry module and the
 * chunks index.html preloads, gzip-compressed as served (the build writes the .gz copies).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const INITIAL_JS_BUDGET_KB = 200;

/** Sum of the .gz sizes of the scripts index.html loads up front, in kB; null without a build. */
export function initialJsKb(distDir: string): { kb: number; files: string[] } | null {
  const indexFile = join(distDir, 'index.html');
  if (!existsSync(indexFile)) return null;
  const html = readFileSync(indexFile, 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map(
    (match) => match[1] as string,
  );
  const bytes = files.reduce((sum, file) => {
    const gz = join(distDir, `${file}.gz`);
    return sum + statSync(existsSync(gz) ? gz : join(distDir, file)).size;
  }, 0);
  return { kb: bytes / 1000, files };
}
