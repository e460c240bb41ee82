/**
 * The requests page's first list request, started by public/first-page.js before the bundle loaded.
 * The app's first first-page list request takes it when it asks for the same page (same parameters
 * in any order) and drops it otherwise, so a later visit never gets an old answer.
 */

interface EarlyRequest {
  path: string;
  response: Promise<Response | null>;
}

declare global {
  interface Window {
    __promptlogFirstPage?: EarlyRequest | undefined;
  }
}

function normalized(path: string): string {
  const [pathname = '', query = ''] = path.split('?', 2);
  const params = new URLSearchParams(query);
  params.sort();
  return `${pathname}?${params.toString()}`;
}

/** Takes the early request once; null when there was none or it asked for another page. */
export function takeFirstPage(path: string): Promise<Response | null> | null {
  const early = window.__promptlogFirstPage;
  if (!early) return null;
  window.__promptlogFirstPage = undefined;
  return normalized(early.path) === normalized(path) ? early.response : null;
}
