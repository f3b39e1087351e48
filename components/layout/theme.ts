/**
 * The colour theme: `system` follows prefers-color-scheme, `light` and `dark` force one.
 * The choice is stored in localStorage and applied as `data-theme` on <html> by an
 * inline script before the first paint, so a reload shows no flash of the other theme.
 */

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_STORAGE_KEY = 'fido-theme';

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

/**
 * Runs in <head> before the body is parsed. It also marks lecture mode (`present=1`)
 * early, so the site header is hidden before React renders the slides. Storage can
 * throw (disabled cookies, sandboxed frames); the system theme is used then.
 */
export const THEME_SCRIPT = `(function () {
  var root = document.documentElement;
  try {
    var theme = window.localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});
    if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
  } catch (error) {}
  try {
    if (new URLSearchParams(window.location.search).get('present') === '1') root.setAttribute('data-present', '');
  } catch (error) {}
})();`;

/** Applies `theme` to the document and stores it; `system` removes both. */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
  try {
    if (theme === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Storage is unavailable: the theme still applies to this page view.
  }
}

/** The theme currently applied to the document. */
export function currentTheme(): Theme {
  const value = document.documentElement.getAttribute('data-theme');
  return isTheme(value) ? value : 'system';
}
