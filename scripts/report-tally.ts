import { existsSync, readFileSync } from 'node:fs';

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const missing = (): Tally => ({ passed: 0, failed: 1, skipped: 0 });

/** Counts a Vitest JSON report; a missing or unreadable report counts as one failure. */
export function readVitestReport(path: string): Tally {
  if (!existsSync(path)) return missing();
  try {
    const report = JSON.parse(readFileSync(path, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numFailedTestSuites: number;
    };
    return {
      passed: report.numPassedTests,
      // A suite that fails to load has no failed tests of its own, but it did fail.
      failed: report.numFailedTests + (report.numFailedTests === 0 ? report.numFailedTestSuites : 0),
      skipped: report.numPendingTests + report.numTodoTests,
    };
  } catch {
    return missing();
  }
}

/** Counts a Playwright JSON report; a missing or unreadable report counts as one failure. */
export function readPlaywrightReport(path: string): Tally {
  if (!existsSync(path)) return missing();
  try {
    const report = JSON.parse(readFileSync(path, 'utf8')) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
      errors?: unknown[];
    };
    const { expected, unexpected, flaky, skipped } = report.stats;
    const globalErrors = report.errors?.length ?? 0;
    return { passed: expected + flaky, failed: unexpected + (unexpected === 0 ? globalErrors : 0), skipped };
  } catch {
    return missing();
  }
}
