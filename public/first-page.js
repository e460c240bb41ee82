// Starts the requests page's first list request while the app's JavaScript is still loading; the
// app takes it over when its first list request asks for the same page (src/lib/first-page.ts).
// Plain script, no module: it must run before the bundle arrives.
(() => {
  if (location.pathname !== '/' || location.hash.includes('key=')) return;
  const params = new URLSearchParams(location.search);
  params.delete('request');
  // A rolling range becomes `from = now - …` in the app: not a path this script can write.
  if (params.has('range')) return;
  // Only with a stored key: without one the app may be showing the sign-in form, and a 401 here
  // would be noise (a signed-in session's cookie cannot be seen from a script).
  let key = null;
  try {
    key = localStorage.getItem('promptlog.apiKey');
  } catch {
    // storage unavailable: the app fetches as usual
  }
  if (!key) return;
  const headers = { accept: 'application/json', 'x-api-key': key };
  const query = params.toString();
  const path = `/api/requests${query ? `?${query}` : ''}`;
  window.__promptlogFirstPage = { path, response: fetch(path, { headers }).catch(() => null) };
})();
