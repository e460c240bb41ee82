/**
 * Reads `#setup=<token>` from the first-run link and strips it from the address bar
 * (replaceState: it never lands in history). Returns the token, or null.
 */
export function takeSetupToken(location: Location = window.location): string | null {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = fragment.get('setup');
  if (!token) return null;
  fragment.delete('setup');
  const rest = fragment.toString();
  window.history.replaceState(
    window.history.state,
    '',
    `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`,
  );
  return token;
}
