import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export type ChromiumLookup =
  | { ok: true; executablePath: string | undefined }
  | { ok: false; message: string };

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own browser if installed. */
export function findChromium(): ChromiumLookup {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(candidate)) return { ok: true, executablePath: candidate };
  if (existsSync(chromium.executablePath())) return { ok: true, executablePath: undefined };
  return {
    ok: false,
    message:
      'no Chromium found. Install one with `apt-get install chromium` (or `npx playwright install chromium`), or set CHROMIUM_PATH.',
  };
}
