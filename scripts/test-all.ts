/**
 * `npm test`: the whole suite. Lint and types, then Vitest (unit, store contract, API), then
 * Playwright e2e against a freshly built SPA. Each runner writes a JSON report under reports/;
 * the last line is the CI summary `tests: N passed, N failed, N skipped`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { findChromium } from '../e2e/chromium.ts';
import { readPlaywrightReport, readVitestReport, type Tally } from './report-tally.ts';

const reportsDir = 'reports';
rmSync(reportsDir, { recursive: true, force: true });
mkdirSync(reportsDir, { recursive: true });

function run(command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
const add = (t: Tally) => {
  tally.passed += t.passed;
  tally.failed += t.failed;
  tally.skipped += t.skipped;
};

const checks: [string, string[]][] = [
  ['npx', ['biome', 'check', '.']],
  ['npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
];
for (const [command, args] of checks)
  add(run(command, args) ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 });

if (!process.env.TEST_DATABASE_URL) {
  console.log('\nPostgreSQL tests: SKIPPED (set TEST_DATABASE_URL=postgres://… to run them; .ci/run does)');
}
const vitestReport = `${reportsDir}/vitest.json`;
run('npx', ['vitest', 'run'], { VITEST_JSON: vitestReport });
add(readVitestReport(vitestReport));

const chromium = findChromium();
if (!chromium.ok) {
  console.log(`\ne2e: cannot run: ${chromium.message}`);
  add({ passed: 0, failed: 1, skipped: 0 });
} else if (run('npx', ['vite', 'build', '--logLevel', 'warn'])) {
  const playwrightReport = `${reportsDir}/playwright.json`;
  run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });
  add(readPlaywrightReport(playwrightReport));
} else {
  add({ passed: 0, failed: 1, skipped: 0 });
}

console.log(`\ntests: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
process.exit(tally.failed > 0 ? 1 : 0);
