'use client';
import { useCallback, useState, useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}

const isFullscreen = () => document.fullscreenElement != null;
const isFullscreenOnServer = () => false;

export interface FullscreenState {
  active: boolean;
  /** Why the last request failed, for a notice on screen; null after a success. */
  error: string | null;
  toggle: () => Promise<void>;
  dismissError: () => void;
}

/** Full screen for the whole document through the Fullscreen API, with its failures kept. */
export function useFullscreen(): FullscreenState {
  const active = useSyncExternalStore(subscribe, isFullscreen, isFullscreenOnServer);
  const [error, setError] = useState<string | null>(null);

  const toggle = useCallback(async () => {
    const root = document.documentElement;
    if (document.fullscreenElement) {
      try {
        await document.exitFullscreen();
        setError(null);
      } catch (reason) {
        setError(`Leaving full screen failed: ${describe(reason)}. Press Esc or F11 instead.`);
      }
      return;
    }
    if (!document.fullscreenEnabled || typeof root.requestFullscreen !== 'function') {
      setError('Full screen is not available here (the browser or an enclosing frame does not allow it). Try F11.');
      return;
    }
    try {
      await root.requestFullscreen();
      setError(null);
    } catch (reason) {
      setError(`Full screen was refused: ${describe(reason)}. Try F11.`);
    }
  }, []);

  const dismissError = useCallback(() => setError(null), []);

  return { active, error, toggle, dismissError };
}

function describe(reason: unknown): string {
  if (reason instanceof Error && reason.message) return reason.message;
  return String(reason);
}
