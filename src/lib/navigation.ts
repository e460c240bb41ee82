/**
 * In-app navigation without a router: the URL changes through history.pushState/replaceState and
 * every view that reads it re-renders on popstate or on this module's navigate event.
 */

const NAVIGATE_EVENT = 'promptlog:navigate';

/** For useSyncExternalStore: call `listener` on back/forward and on every in-app navigation. */
export function subscribeToNavigation(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATE_EVENT, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATE_EVENT, listener);
  };
}

/** Go to `url` (a new history entry, or in place with `replace`) and tell the subscribers. */
export function goTo(url: string, replace: boolean): void {
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}
