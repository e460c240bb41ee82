// Starts the requests page's first list request while the app's JavaScript is still loading; the
// app takes it over when its first list request asks for the same page (src/lib/first-page.ts).
// Plain script, no module: it must run before the bundle arrives.
(() => {
  if (location.pathname !== '/' || location.hash.includes('key=')) return;
  const params = new URLSearchParams(location.search);
  params.delete('request');
  // A rolling range becomes `from = now - …` in the app: not a path this script can write.
  if (params.has('range')) return;
  const headers = { accept: 'application/json' };
  try {
    const key = localStorage.getItem('promptlog.apiKey');
    if (key) headers['x-api-key'] = key;
  } catch {
    // storage unavailable: a session cookie may still sign the request
  }
  const query = params.toString();
  const path = `/api/requests${query ? `?${query}` : ''}`;
  window.__promptlogFirstPage = { path, response: fetch(path, { headers }).catch(() => null) };
})();
