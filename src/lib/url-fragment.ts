/**
 * Takes `#<name>=<value>` out of the address bar (replaceState, so it never lands in history),
 * keeping any other fragment parameters. Returns the value, or null when there is none.
 */
export function takeFromFragment(name: string, location: Location = window.location): string | null {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const value = fragment.get(name);
  if (!value) return null;
  fragment.delete(name);
  const rest = fragment.toString();
  window.history.replaceState(
    window.history.state,
    '',
    `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`,
  );
  return value;
}
