// Applies the saved or system theme before first paint (see src/app/theme.ts). Plain script, no module.
(() => {
  let theme = 'light';
  try {
    const saved = localStorage.getItem('promptlog.theme');
    if (saved === 'light' || saved === 'dark') theme = saved;
    else if (matchMedia('(prefers-color-scheme: dark)').matches) theme = 'dark';
  } catch {
    // storage unavailable: keep light
  }
  document.documentElement.dataset.theme = theme;
})();
