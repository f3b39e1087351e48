'use client';
import { useCallback, useSyncExternalStore, type ChangeEvent } from 'react';
import { THEME_STORAGE_KEY, THEMES, applyTheme, currentTheme, isTheme, type Theme } from './theme';

const THEME_LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };
const THEME_CHANGE_EVENT = 'fido-theme-change';

function subscribe(onChange: () => void): () => void {
  // Another tab changing the theme fires `storage` here; apply it to this tab too.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY && event.key !== null) return;
    const stored = event.newValue;
    applyTheme(isTheme(stored) ? stored : 'system');
    onChange();
  };
  window.addEventListener('storage', onStorage);
  window.addEventListener(THEME_CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener(THEME_CHANGE_EVENT, onChange);
  };
}

/** A labelled select for the colour theme: follow the system, light or dark. */
export function ThemeSwitch() {
  const theme = useSyncExternalStore(subscribe, currentTheme, () => 'system' as Theme);

  const onChange = useCallback((event: ChangeEvent<HTMLSelectElement>) => {
    const next = event.target.value;
    if (!isTheme(next)) return;
    applyTheme(next);
    window.dispatchEvent(new Event(THEME_CHANGE_EVENT));
  }, []);

  return (
    <label className="theme-switch">
      <span>Theme</span>
      <select value={theme} onChange={onChange}>
        {THEMES.map((name) => (
          <option key={name} value={name}>
            {THEME_LABELS[name]}
          </option>
        ))}
      </select>
    </label>
  );
}
